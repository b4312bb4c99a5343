using Faq.Api.Answering;

namespace Faq.Api.Admin;

/// <summary>A question to try.</summary>
internal sealed record TryRequest(string? Question);

/// <summary>An entry's separate scores for a tried question.</summary>
internal sealed record CandidateDto(string FaqId, string Question, double Keyword, double Embedding, double AnswerEmbedding, double Relevance, double Confidence);

/// <summary>What the bot would reply, and why.</summary>
internal sealed record TryResponse(AskResponse Reply, IReadOnlyList<CandidateDto> Candidates, string Triage, string? TriageReason, bool Degraded);

internal static class TryEndpoints
{
    public static RouteGroupBuilder MapAdminTry(this RouteGroupBuilder admin)
    {
        admin.MapPost("/try", Try).WithName("TryQuestion").WithTags("Admin: try").Accepts<TryRequest>("application/json")
            .ProducesProblems(StatusCodes.Status413PayloadTooLarge, StatusCodes.Status415UnsupportedMediaType, StatusCodes.Status503ServiceUnavailable);
        return admin;
    }

    internal static async Task<Results<Ok<TryResponse>, ValidationProblem, ProblemHttpResult>> Try(
        TryRequest? request, HttpContext http, AnsweringService answering, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request?.Question) || request.Question.Length > AnsweringService.MaxQuestionLength)
        {
            return TypedResults.ValidationProblem(
                new Dictionary<string, string[]> { ["question"] = [$"Type a question of 1 to {AnsweringService.MaxQuestionLength} characters."] });
        }

        if (await answering.TryAsync(request.Question, cancellationToken) is not { } reply)
        {
            return Replies.NotLoaded(http, answering.NotLoadedReason);
        }

        return TypedResults.Ok(new TryResponse(
            reply.ToResponse(null),
            [.. reply.Candidates.Select(c => new CandidateDto(c.Entry.Id, c.Entry.Question, Math.Round(c.Keyword, 3), Math.Round(c.Embedding, 3), Math.Round(c.AnswerEmbedding, 3), Math.Round(c.Relevance, 3), Math.Round(c.Confidence, 3)))],
            reply.Triage.CategoryId ?? "none",
            reply.Triage.Reason,
            reply.Degraded));
    }
}
