using System.Security.Claims;
using System.Threading.Channels;
using Faq.Api.Content;
using Faq.Core.Editing;
using Faq.Core.Answering;
using Faq.Core.Review;
using Faq.Core.Storage;
using Faq.Storage;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Faq.Api.Admin;

/// <summary>A group of similar unanswered questions.</summary>
internal sealed record UnansweredGroupDto(string Id, string Question, int Count, DateTimeOffset LastAsked, IReadOnlyList<UnansweredDto> Items);

/// <summary>One unanswered question (redacted) with the entries that came closest.</summary>
internal sealed record UnansweredDto(string Id, string Question, DateTimeOffset At, string Outcome, double Confidence, IReadOnlyList<SuggestionDtoRef> Candidates);

/// <summary>An entry id and its question.</summary>
internal sealed record SuggestionDtoRef(string FaqId, string Question);

/// <summary>Which entry an unanswered question should become an alternate of.</summary>
internal sealed record AttachRequest(string? FaqId);

internal static class UnansweredEndpoints
{
    public static RouteGroupBuilder MapAdminUnanswered(this RouteGroupBuilder admin)
    {
        var group = admin.MapGroup("/unanswered").WithTags("Admin: unanswered")
            .NotFoundUnlessPossibleId(ReviewIds.IsPossible, NotFound);
        group.MapGet("/", List).WithName("ListUnanswered");
        group.MapPost("/{id}/attach", Attach).WithName("AttachUnanswered").Accepts<AttachRequest>("application/json");
        group.MapDelete("/{id}", Dismiss).WithName("DismissUnanswered");
        return group;
    }

    internal static async Task<Ok<UnansweredGroupDto[]>> List(
        IReviewStore review, QuestionGrouper grouper, FaqCatalog catalog, IOptions<AdminOptions> options, TimeProvider time, CancellationToken cancellationToken)
    {
        await review.PurgeUnansweredAsync(time.GetUtcNow().AddDays(-options.Value.UnansweredRetentionDays), cancellationToken);
        var questions = await review.ListUnansweredAsync(cancellationToken);
        var index = catalog.Current?.Index;
        UnansweredDto Dto(UnansweredQuestion q) => new(q.Id, q.Question, q.At, q.Outcome, Math.Round(q.Confidence, 3),
            [.. q.Candidates.Where(id => index?.ById.ContainsKey(id) ?? false).Select(id => new SuggestionDtoRef(id, index!.Entries[index.ById[id]].Question))]);
        return TypedResults.Ok(grouper.Group(questions)
            .Select(g => new UnansweredGroupDto(g[0].Id, g[0].Question, g.Count, g.Max(q => q.At), [.. g.Select(Dto)]))
            .ToArray());
    }

    internal static async Task<Results<Ok<EntryDto>, ValidationProblem, ProblemHttpResult>> Attach(
        string id, AttachRequest? request, IReviewStore review, FaqEditor editor, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request?.FaqId))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["faqId"] = ["Say which entry the question should be added to."] });
        }

        var question = await review.GetUnansweredAsync(id, cancellationToken);
        if (question is null)
        {
            return NotFound(id);
        }

        if (question.Question.Length > EntryValidator.MaxQuestionLength)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["question"] = [$"This question is longer than an alternate may be ({EntryValidator.MaxQuestionLength} characters); add a shorter wording to the entry instead."],
            });
        }

        try
        {
            var entry = await editor.AddAlternateAsync(request.FaqId, question.Question, user.Editor(), cancellationToken);
            await review.RemoveUnansweredAsync(id, cancellationToken);
            return TypedResults.Ok(EntryDto.From(entry));
        }
        catch (FaqEntryNotFoundException)
        {
            return AdminProblems.NotFound(request.FaqId);
        }
        catch (FaqConcurrencyException ex)
        {
            return AdminProblems.Stale(ex.Current);
        }
    }

    internal static async Task<Results<NoContent, ProblemHttpResult>> Dismiss(string id, IReviewStore review, CancellationToken cancellationToken) =>
        await review.RemoveUnansweredAsync(id, cancellationToken)
            ? TypedResults.NoContent()
            : NotFound(id);

    private static ProblemHttpResult NotFound(string id) => TypedResults.Problem(
        title: "No such unanswered question.",
        detail: ReviewIds.IsPossible(id) ? $"\"{id}\" was dismissed, attached or has expired." : "That is not an id the review queue hands out.",
        statusCode: StatusCodes.Status404NotFound);
}

/// <summary>
/// Keeps questions the bot could not answer confidently (redacted) for staff review. Recording happens off the
/// request path through a bounded queue: a slow or failing store never delays or fails a patient's answer, and a
/// flood of questions drops the excess rather than growing memory. Also enforces the retention period.
/// </summary>
internal sealed partial class UnansweredRecorder(
    IReviewStore review, IOptions<AdminOptions> options, TimeProvider time, ILogger<UnansweredRecorder> logger) : BackgroundService
{
    private static readonly TimeSpan FlushInterval = TimeSpan.FromSeconds(1);
    private readonly Channel<UnansweredQuestion> _queue = Channel.CreateBounded<UnansweredQuestion>(
        new BoundedChannelOptions(1_000) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });

    /// <summary>Queues the question if the reply was not a confident answer.</summary>
    public void Observe(string question, FaqReply reply)
    {
        var worthReviewing = reply.Outcome switch
        {
            AnswerOutcome.Fallback or AnswerOutcome.Clarify => true,
            AnswerOutcome.Answered => reply.Confidence < options.Value.ReviewBelowConfidence,
            _ => false,
        };
        if (!worthReviewing || SmallTalkReply(reply))
        {
            return;
        }

        var at = time.GetUtcNow();
        _queue.Writer.TryWrite(new UnansweredQuestion(
            ReviewIds.New(at), Redactor.Redact(question.Trim()), at, Ask.AskEndpoints.Outcome(reply.Outcome), reply.Confidence,
            [.. reply.Candidates.Take(3).Select(c => c.Entry.Id)]));
    }

    // A greeting's reply has starter suggestions but no candidates: nothing to review.
    private static bool SmallTalkReply(FaqReply reply) => reply.Candidates.Count == 0 && reply.Suggestions.Count > 0;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var nextPurge = time.GetUtcNow();
        try
        {
            var batch = new List<UnansweredQuestion>();
            while (await _queue.Reader.WaitToReadAsync(stoppingToken))
            {
                // Everything queued so far goes in one write: under load that is one write, not one per question.
                batch.Clear();
                while (batch.Count < 500 && _queue.Reader.TryRead(out var question))
                {
                    batch.Add(question);
                }

                try
                {
                    await review.RecordUnansweredAsync(batch, stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    LogRecordFailed(logger, ex.Message);
                }

                // At most one write a second however busy the bot is: the rest waits in the queue for the next batch.
                await Task.Delay(FlushInterval, time, stoppingToken);

                if (time.GetUtcNow() >= nextPurge)
                {
                    nextPurge = time.GetUtcNow().AddHours(1);
                    try
                    {
                        await review.PurgeUnansweredAsync(time.GetUtcNow().AddDays(-options.Value.UnansweredRetentionDays), stoppingToken);
                    }
                    catch (Exception ex) when (ex is not OperationCanceledException)
                    {
                        LogRecordFailed(logger, ex.Message);
                    }
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not keep an unanswered question for review: {Reason}")]
    private static partial void LogRecordFailed(ILogger logger, string reason);
}
