using System.Security.Claims;
using Faq.Api.Review;
using Faq.Api.Snapshots;
using Faq.Core.Answering;
using Faq.Core.Editing;
using Faq.Core.Review;
using Faq.Storage;

namespace Faq.Api.Admin;

/// <summary>Questions of the review queue that mean the same thing.</summary>
/// <param name="Id">The group's id (its oldest question's id).</param>
/// <param name="Question">The wording that stands for the group (its oldest question).</param>
/// <param name="Count">How many questions it holds.</param>
/// <param name="FirstAsked">When the oldest was asked.</param>
/// <param name="LastAsked">When the newest was asked.</param>
/// <param name="Missed">True when at least one went unanswered (fallback or clarify); false when all were answered, with low confidence.</param>
/// <param name="Proposal">The entry the matcher ranks first for the group's question, or null: it needs a new entry.</param>
/// <param name="Items">The questions, newest first.</param>
internal sealed record UnansweredGroupDto(
    string Id, string Question, int Count, DateTimeOffset FirstAsked, DateTimeOffset LastAsked, bool Missed, ProposalDto? Proposal, IReadOnlyList<UnansweredDto> Items);

/// <summary>The entry proposed for a group, with the matcher's confidence that it answers the group's question.</summary>
internal sealed record ProposalDto(string FaqId, string Question, double Confidence);

/// <summary>One question of the review queue (redacted) with the entries that came closest.</summary>
/// <param name="Id">Its id, for attach and dismiss.</param>
/// <param name="Question">The patient's words, redacted.</param>
/// <param name="At">When it was asked.</param>
/// <param name="Outcome"><c>fallback</c>, <c>clarify</c> or <c>answered</c> (below the review confidence).</param>
/// <param name="Confidence">The bot's confidence in its best entry.</param>
/// <param name="Candidates">The closest entries, best first.</param>
/// <param name="AnsweredWith">For an answered question, the entry it was answered from; otherwise null.</param>
internal sealed record UnansweredDto(string Id, string Question, DateTimeOffset At, string Outcome, double Confidence, IReadOnlyList<Suggestion> Candidates, Suggestion? AnsweredWith);

/// <summary>Which entry an unanswered question should become an alternate of.</summary>
internal sealed record AttachRequest(string? FaqId);

/// <summary>Questions of the review queue (a group's item ids) to add, all at once, as alternates of an entry.</summary>
internal sealed record AttachGroupRequest(string? FaqId, IReadOnlyList<string>? Ids);

/// <summary>Questions of the review queue (a group's item ids) to dismiss.</summary>
internal sealed record DismissGroupRequest(IReadOnlyList<string>? Ids);

/// <summary>How many questions were dismissed (those already gone are not counted).</summary>
internal sealed record DismissedDto(int Dismissed);

internal static class UnansweredEndpoints
{
    public static RouteGroupBuilder MapAdminUnanswered(this RouteGroupBuilder admin)
    {
        var group = admin.MapGroup("/unanswered").WithTags("Admin: unanswered")
            .NotFoundUnlessPossibleId(ReviewIds.IsPossible, NotFound);
        group.MapGet("/", List).WithName("ListUnanswered");
        group.MapPost("/attach", AttachGroup).WithName("AttachUnansweredGroup").Accepts<AttachGroupRequest>("application/json")
            .ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status412PreconditionFailed, StatusCodes.Status413PayloadTooLarge, StatusCodes.Status415UnsupportedMediaType);
        group.MapPost("/dismiss", DismissGroup).WithName("DismissUnansweredGroup").Accepts<DismissGroupRequest>("application/json")
            .ProducesProblems(StatusCodes.Status413PayloadTooLarge, StatusCodes.Status415UnsupportedMediaType);
        group.MapPost("/{id}/attach", Attach).WithName("AttachUnanswered").Accepts<AttachRequest>("application/json")
            .ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status412PreconditionFailed, StatusCodes.Status413PayloadTooLarge, StatusCodes.Status415UnsupportedMediaType);
        group.MapDelete("/{id}", Dismiss).WithName("DismissUnanswered")
            .ProducesProblems(StatusCodes.Status404NotFound);
        return group;
    }

    internal static async Task<Ok<UnansweredGroupDto[]>> List(ReviewQueue queue, FaqSnapshots snapshots, CancellationToken cancellationToken)
    {
        var groups = await queue.GroupsAsync(cancellationToken);
        var index = snapshots.Current?.Index;
        Suggestion? Entry(string id) => index is not null && index.ById.TryGetValue(id, out var i) ? new Suggestion(id, index.Entries[i].Question) : null;
        UnansweredDto Dto(UnansweredQuestion q) => new(q.Id, q.Question, q.At, q.Outcome, Math.Round(q.Confidence, 3),
            [.. q.Candidates.Select(Entry).OfType<Suggestion>()],
            q.Outcome == "answered" && q.Candidates.Count > 0 ? Entry(q.Candidates[0]) : null);
        return TypedResults.Ok(groups
            .Select(g => new UnansweredGroupDto(
                g.Group.Id, g.Group.Representative.Question, g.Group.Count, g.Group.FirstAsked, g.Group.LastAsked, g.Missed,
                g.Proposal is { } p ? new ProposalDto(p.Entry.Id, p.Entry.Question, Math.Round(p.Confidence, 3)) : null,
                [.. g.Group.Members.Select(Dto)]))
            .ToArray());
    }

    /// <summary>Teaches the bot a group of questions at once: all become alternates of the entry in one new version, under the same rules as any edit.</summary>
    internal static async Task<Results<Ok<EntryDto>, ValidationProblem, ProblemHttpResult>> AttachGroup(
        AttachGroupRequest? request, IReviewStore review, EditingService editing, ClaimsPrincipal user, HttpContext http, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(request?.FaqId))
        {
            errors["faqId"] = ["Say which entry the questions should be added to."];
        }

        if (request?.Ids is not { Count: > 0 and <= MaxGroupIds })
        {
            errors["ids"] = [$"Send the ids of 1 to {MaxGroupIds} questions of the review queue."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var questions = new List<UnansweredQuestion>();
        foreach (var id in request!.Ids!.Where(ReviewIds.IsPossible).Distinct(StringComparer.Ordinal))
        {
            if (await review.GetUnansweredAsync(id, cancellationToken) is { } question)
            {
                questions.Add(question);
            }
        }

        if (questions.Count == 0)
        {
            return TypedResults.Problem(
                title: "No such unanswered questions.", detail: "They were dismissed, attached or have expired.", statusCode: StatusCodes.Status404NotFound);
        }

        var result = await AdminResults.Saved(http, () => editing.AddAlternatesAsync(request.FaqId!, [.. questions.Select(q => q.Question)], user.Editor(), cancellationToken));
        if (result.Result is Ok<EntryDto>)
        {
            foreach (var question in questions)
            {
                await review.RemoveUnansweredAsync(question.Id, cancellationToken);
            }
        }

        return result;
    }

    internal static async Task<Results<Ok<DismissedDto>, ValidationProblem>> DismissGroup(DismissGroupRequest? request, IReviewStore review, CancellationToken cancellationToken)
    {
        if (request?.Ids is not { Count: > 0 and <= MaxGroupIds })
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["ids"] = [$"Send the ids of 1 to {MaxGroupIds} questions of the review queue."] });
        }

        var dismissed = 0;
        foreach (var id in request.Ids.Where(ReviewIds.IsPossible).Distinct(StringComparer.Ordinal))
        {
            if (await review.RemoveUnansweredAsync(id, cancellationToken))
            {
                dismissed++;
            }
        }

        return TypedResults.Ok(new DismissedDto(dismissed));
    }

    /// <summary>Most questions one group action takes (the review queue keeps at most 5,000).</summary>
    private const int MaxGroupIds = 5_000;

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
