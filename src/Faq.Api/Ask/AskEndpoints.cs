using Faq.Api.Answering;
using Faq.Api.Widget;
using Faq.Core.Channels;
using Faq.Core.Languages;
using Microsoft.AspNetCore.Mvc;

namespace Faq.Api.Ask;

internal static class AskEndpoints
{
    public const int MaxSessionIdLength = 128;
    public const long MaxBodyBytes = 16 * 1024;

    public static RouteGroupBuilder MapAsk(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/ask").WithTags("Ask").RequireCors(WidgetOptions.CorsPolicy).RequireRateLimiting(RateLimiting.PublicPolicy);
        group.MapPost("/", Ask)
            .WithName("Ask")
            .Accepts<AskRequest>("application/json")
            .WithMetadata(new RequestSizeLimitAttribute(MaxBodyBytes))
            .ProducesProblems(StatusCodes.Status413PayloadTooLarge, StatusCodes.Status415UnsupportedMediaType, StatusCodes.Status503ServiceUnavailable)
            .AcceptsIntegrationKey();
        return group;
    }

    internal static async Task<Results<Ok<AskResponse>, ValidationProblem, ProblemHttpResult>> Ask(
        AskRequest? request, HttpContext httpContext, AnsweringService answering, CancellationToken cancellationToken)
    {
        if (Validate(request) is { } errors)
        {
            return TypedResults.ValidationProblem(errors, title: "The question could not be accepted.");
        }

        var channel = ChannelText.TryParse(request!.Channel, out var parsed) ? parsed : Channel.Web; // validated above
        return await answering.AnswerAsync(request.Question!, channel, FaqLanguages.Normalize(request.Language), request.SessionId, cancellationToken) is { } reply
            ? TypedResults.Ok(reply.ToResponse(request.SessionId, channel))
            : Replies.NotLoaded(httpContext, answering.NotLoadedReason);
    }

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
        else if (request.Question.Length > AnsweringService.MaxQuestionLength)
        {
            (errors ??= new(StringComparer.Ordinal))["question"] = [$"The question must be at most {AnsweringService.MaxQuestionLength} characters; it has {request.Question.Length}."];
        }

        if (request.SessionId is { Length: > MaxSessionIdLength })
        {
            (errors ??= new(StringComparer.Ordinal))["sessionId"] = [$"The session id must be at most {MaxSessionIdLength} characters."];
        }

        if (!ChannelText.TryParse(request.Channel, out _))
        {
            (errors ??= new(StringComparer.Ordinal))["channel"] = [$"The channel must be one of: {string.Join(", ", ChannelText.Names)}."];
        }

        if (request.Language is not null && FaqLanguages.Normalize(request.Language) is null)
        {
            (errors ??= new(StringComparer.Ordinal))["language"] = [$"The language must be one of: {string.Join(", ", FaqLanguages.All)} (a region such as es-MX is accepted)."];
        }

        return errors;
    }
}
