using Faq.Api.Insights;
using Faq.Api.Snapshots;
using Faq.Api.Widget;
using Faq.Core.Review;
using Faq.Core.Storage;

namespace Faq.Api.Feedback;

/// <summary>A patient's thumbs up or down for an answer.</summary>
/// <param name="FaqId">The entry that answered.</param>
/// <param name="Helpful">True for thumbs up.</param>
/// <param name="SessionId">Optional conversation id (not stored).</param>
internal sealed record FeedbackRequest(string? FaqId, bool? Helpful, string? SessionId);

/// <summary>Votes for one entry.</summary>
internal sealed record FeedbackCountDto(string FaqId, string Question, long Helpful, long Unhelpful);

internal static class FeedbackEndpoints
{
    public static RouteGroupBuilder MapFeedback(this RouteGroupBuilder api)
    {
        api.MapPost("/feedback", Post)
            .WithName("Feedback")
            .WithTags("Feedback")
            .Accepts<FeedbackRequest>("application/json")
            .WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(4 * 1024))
            .RequireRateLimiting(RateLimiting.PublicPolicy)
            .RequireCors(WidgetOptions.CorsPolicy)
            .ProducesProblems(StatusCodes.Status413PayloadTooLarge, StatusCodes.Status415UnsupportedMediaType, StatusCodes.Status503ServiceUnavailable)
            .AcceptsIntegrationKey();
        return api;
    }

    public static RouteGroupBuilder MapAdminFeedback(this RouteGroupBuilder admin)
    {
        admin.MapGet("/feedback", Counts).WithName("FeedbackCounts").WithTags("Admin: feedback");
        return admin;
    }

    internal static async Task<Results<Accepted, ValidationProblem, ProblemHttpResult>> Post(
        FeedbackRequest? request, FaqSnapshots snapshots, IReviewStore review, UsageCounter usage, TimeProvider time, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(request?.FaqId))
        {
            errors["faqId"] = ["Say which answer the feedback is for."];
        }
        else if (snapshots.Current is { } snapshot && !snapshot.Index.ById.ContainsKey(request.FaqId))
        {
            errors["faqId"] = [$"There is no FAQ entry \"{request.FaqId}\"."];
        }

        if (request?.Helpful is null)
        {
            errors["helpful"] = ["Send true for helpful or false for not helpful."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "The feedback could not be accepted.");
        }

        try
        {
            await review.RecordFeedbackAsync(request!.FaqId!, request.Helpful!.Value, time.GetUtcNow(), cancellationToken);
        }
        catch (FaqStoreUnavailableException)
        {
            return TypedResults.Problem(title: "Feedback cannot be saved right now.", detail: "Please try again later.", statusCode: StatusCodes.Status503ServiceUnavailable);
        }

        usage.CountVote(request.FaqId!, request.Helpful.Value);

        return TypedResults.Accepted((string?)null);
    }

    internal static async Task<Ok<FeedbackCountDto[]>> Counts(IReviewStore review, IFaqStore store, CancellationToken cancellationToken)
    {
        var counts = (await review.FeedbackCountsAsync(cancellationToken)).ToDictionary(c => c.FaqId, StringComparer.Ordinal);
        var entries = await store.ListAsync(includeDeleted: true, cancellationToken);
        return TypedResults.Ok(entries
            .Select(e => counts.TryGetValue(e.Entry.Id, out var c)
                ? new FeedbackCountDto(e.Entry.Id, e.Entry.Question, c.Helpful, c.Unhelpful)
                : new FeedbackCountDto(e.Entry.Id, e.Entry.Question, 0, 0))
            .OrderByDescending(c => c.Unhelpful).ThenBy(c => c.FaqId, StringComparer.Ordinal)
            .ToArray());
    }
}
