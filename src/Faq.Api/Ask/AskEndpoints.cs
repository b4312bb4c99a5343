using Faq.Api.Admin;
using Faq.Api.Content;
using Faq.Core.Answering;
using Faq.Core.Channels;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Faq.Api.Ask;

internal static partial class AskEndpoints
{
    public const int MaxQuestionLength = 500;
    public const int MaxSessionIdLength = 128;
    public const long MaxBodyBytes = 16 * 1024;

    public static RouteGroupBuilder MapAsk(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/ask").WithTags("Ask").RequireCors(Widget.WidgetOptions.CorsPolicy).RequireRateLimiting(Infrastructure.RateLimiting.PublicPolicy);
        group.MapPost("/", Ask)
            .WithName("Ask")
            .Accepts<AskRequest>("application/json")
            .WithMetadata(new RequestSizeLimitAttribute(MaxBodyBytes));
        return group;
    }

    internal static async Task<Results<Ok<AskResponse>, ValidationProblem, ProblemHttpResult>> Ask(
        AskRequest? request,
        HttpContext httpContext,
        FaqCatalog catalog,
        FaqAnswerer answerer,
        UnansweredRecorder recorder,
        AskLog log,
        CancellationToken cancellationToken)
    {
        if (Validate(request) is { } errors)
        {
            return TypedResults.ValidationProblem(errors, title: "The question could not be accepted.");
        }

        var snapshot = catalog.Current;
        if (snapshot is null)
        {
            return NotLoaded(httpContext, catalog);
        }

        var reply = await answerer.AnswerAsync(snapshot.Index, request!.Question!, cancellationToken);
        var logger = log.Logger;
        LogReplied(logger, reply.Outcome, reply.FaqId, reply.Confidence, reply.Triage.Category, reply.Degraded);
        if (catalog.ReportEmbedding(reply.Degraded, DateTimeOffset.UtcNow))
        {
            if (reply.Degraded)
            {
                LogDegraded(logger);
            }
            else
            {
                LogRecovered(logger);
            }
        }

        recorder.Observe(request.Question!, reply);
        var channel = ChannelText.TryParse(request.Channel, out var parsed) ? parsed : Channel.Web; // validated above
        return TypedResults.Ok(ToResponse(reply, request.SessionId, channel));
    }

    internal static AskResponse ToResponse(FaqReply reply, string? sessionId, Channel channel = Channel.Web) => new(
        Outcome(reply.Outcome),
        ChannelText.IsMessaging(channel) ? ChannelText.ShapeAnswer(reply) : reply.Answer,
        reply.FaqId,
        Math.Round(reply.Confidence, 3),
        [.. reply.Suggestions.Select(s => new SuggestionDto(s.FaqId, s.Question))],
        reply.Disclaimer,
        sessionId);

    /// <summary>503 with Retry-After while no FAQ snapshot could be loaded (for example the store is down at a cold start).</summary>
    internal static ProblemHttpResult NotLoaded(HttpContext httpContext, FaqCatalog catalog)
    {
        httpContext.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return TypedResults.Problem(
            title: "The FAQ is temporarily unavailable.",
            detail: $"The FAQ could not be loaded yet ({catalog.Health.Reason}). Try again in {RetryAfterSeconds} seconds.",
            statusCode: StatusCodes.Status503ServiceUnavailable);
    }

    public const int RetryAfterSeconds = 5;

    /// <summary>The problems with a request, or null when there are none (the common case allocates nothing).</summary>
    private static Dictionary<string, string[]>? Validate(AskRequest? request)
    {
        if (request is null)
        {
            return new(StringComparer.Ordinal) { ["body"] = ["Send a JSON object such as {\"question\": \"Does dry needling hurt?\"}."] };
        }

        Dictionary<string, string[]>? errors = null;
        if (string.IsNullOrWhiteSpace(request.Question))
        {
            (errors ??= new(StringComparer.Ordinal))["question"] = ["The question is required and must not be blank."];
        }
        else if (request.Question.Length > MaxQuestionLength)
        {
            (errors ??= new(StringComparer.Ordinal))["question"] = [$"The question must be at most {MaxQuestionLength} characters; it has {request.Question.Length}."];
        }

        if (request.SessionId is { Length: > MaxSessionIdLength })
        {
            (errors ??= new(StringComparer.Ordinal))["sessionId"] = [$"The session id must be at most {MaxSessionIdLength} characters."];
        }

        if (!ChannelText.TryParse(request.Channel, out _))
        {
            (errors ??= new(StringComparer.Ordinal))["channel"] = ["The channel must be one of: web, sms, whatsapp, api."];
        }

        return errors;
    }

    internal static string Outcome(AnswerOutcome outcome) => outcome switch
    {
        AnswerOutcome.Answered => "answered",
        AnswerOutcome.Clarify => "clarify",
        AnswerOutcome.Fallback => "fallback",
        AnswerOutcome.Urgent => "urgent",
        _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome, null),
    };

    [LoggerMessage(Level = LogLevel.Information, Message = "Replied {Outcome} with {FaqId} at confidence {Confidence:F3} (triage {Triage}, keyword only {Degraded})")]
    private static partial void LogReplied(ILogger logger, AnswerOutcome outcome, string? faqId, double confidence, Faq.Core.Triage.UrgentCategory triage, bool degraded);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Degraded: the embedding service is failing, questions are answered by keyword similarity alone")]
    private static partial void LogDegraded(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Recovered: questions are embedded again")]
    private static partial void LogRecovered(ILogger logger);
}
