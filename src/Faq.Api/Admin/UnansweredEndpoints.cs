using System.Security.Claims;
using Faq.Api.Review;
using Faq.Api.Snapshots;
using Faq.Core.Answering;
using Faq.Core.Editing;
using Faq.Core.Review;
using Faq.Storage;

namespace Faq.Api.Admin;

/// <summary>A group of similar unanswered questions.</summary>
internal sealed record UnansweredGroupDto(string Id, string Question, int Count, DateTimeOffset LastAsked, IReadOnlyList<UnansweredDto> Items);

/// <summary>One unanswered question (redacted) with the entries that came closest.</summary>
internal sealed record UnansweredDto(string Id, string Question, DateTimeOffset At, string Outcome, double Confidence, IReadOnlyList<Suggestion> Candidates);

/// <summary>Which entry an unanswered question should become an alternate of.</summary>
internal sealed record AttachRequest(string? FaqId);

internal static class UnansweredEndpoints
{
    public static RouteGroupBuilder MapAdminUnanswered(this RouteGroupBuilder admin)
    {
        var group = admin.MapGroup("/unanswered").WithTags("Admin: unanswered")
            .NotFoundUnlessPossibleId(ReviewIds.IsPossible, NotFound);
        group.MapGet("/", List).WithName("ListUnanswered");
        group.MapPost("/{id}/attach", Attach).WithName("AttachUnanswered").Accepts<AttachRequest>("application/json")
            .ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status412PreconditionFailed, StatusCodes.Status413PayloadTooLarge, StatusCodes.Status415UnsupportedMediaType);
        group.MapDelete("/{id}", Dismiss).WithName("DismissUnanswered")
            .ProducesProblems(StatusCodes.Status404NotFound);
        return group;
    }

    internal static async Task<Ok<UnansweredGroupDto[]>> List(
        IReviewStore review, UnansweredRecorder recorder, QuestionGrouper grouper, FaqSnapshots snapshots, CancellationToken cancellationToken)
    {
        await recorder.PurgeExpiredAsync(cancellationToken);
        var questions = await review.ListUnansweredAsync(cancellationToken);
        var index = snapshots.Current?.Index;
        UnansweredDto Dto(UnansweredQuestion q) => new(q.Id, q.Question, q.At, q.Outcome, Math.Round(q.Confidence, 3),
            [.. q.Candidates.Where(id => index?.ById.ContainsKey(id) ?? false).Select(id => new Suggestion(id, index!.Entries[index.ById[id]].Question))]);
        return TypedResults.Ok(grouper.Group(questions)
            .Select(g => new UnansweredGroupDto(g[0].Id, g[0].Question, g.Count, g.Max(q => q.At), [.. g.Select(Dto)]))
            .ToArray());
    }

    /// <summary>Teaches the bot a question: it becomes an alternate of the entry, under the same rules as any edit of it.</summary>
    internal static async Task<Results<Ok<EntryDto>, ValidationProblem, ProblemHttpResult>> Attach(
        string id, AttachRequest? request, IReviewStore review, EditingService editing, ClaimsPrincipal user, HttpContext http, CancellationToken cancellationToken)
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

        var result = await AdminResults.Saved(http, () => editing.AddAlternateAsync(request.FaqId, question.Question, user.Editor(), cancellationToken));
        if (result.Result is Ok<EntryDto>)
        {
            await review.RemoveUnansweredAsync(id, cancellationToken);
        }

        return result;
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
