using Faq.Api.Ask;
using Faq.Api.Content;
using Faq.Core.Editing;
using Faq.Core.Answering;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Faq.Api.Admin;

/// <summary>A question to try.</summary>
internal sealed record TryRequest(string? Question);

/// <summary>An entry's separate scores for a tried question.</summary>
internal sealed record CandidateDto(string FaqId, string Question, double Keyword, double Embedding, double Relevance, double Confidence);

/// <summary>What the bot would reply, and why.</summary>
internal sealed record TryResponse(AskResponse Reply, IReadOnlyList<CandidateDto> Candidates, string Triage, string? TriageReason, bool Degraded);

internal static class TryEndpoints
{
    public static RouteGroupBuilder MapAdminTry(this RouteGroupBuilder admin)
    {
        admin.MapPost("/try", Try).WithName("TryQuestion").WithTags("Admin: try").Accepts<TryRequest>("application/json");
        return admin;
    }

    internal static async Task<Results<Ok<TryResponse>, ValidationProblem, ProblemHttpResult>> Try(
        TryRequest? request, HttpContext http, FaqCatalog catalog, FaqAnswerer answerer, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request?.Question) || request.Question.Length > AskEndpoints.MaxQuestionLength)
        {
            return TypedResults.ValidationProblem(
                new Dictionary<string, string[]> { ["question"] = [$"Type a question of 1 to {AskEndpoints.MaxQuestionLength} characters."] });
        }

        if (catalog.Current is not { } snapshot)
        {
            return AskEndpoints.NotLoaded(http, catalog);
        }

        var reply = await answerer.AnswerAsync(snapshot.Index, request.Question, cancellationToken);
        return TypedResults.Ok(new TryResponse(
            AskEndpoints.ToResponse(reply, null),
            [.. reply.Candidates.Select(c => new CandidateDto(c.Entry.Id, c.Entry.Question, Math.Round(c.Keyword, 3), Math.Round(c.Embedding, 3), Math.Round(c.Relevance, 3), Math.Round(c.Confidence, 3)))],
            reply.Triage.Category.ToString(),
            reply.Triage.Reason,
            reply.Degraded));
    }
}
