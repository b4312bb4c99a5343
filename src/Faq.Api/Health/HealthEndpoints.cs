using Faq.Api.Content;
using Faq.Api.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Faq.Api.Health;

/// <summary>Liveness and content status.</summary>
/// <param name="Status"><c>healthy</c> when the FAQ is loaded and answering, <c>unhealthy</c> otherwise.</param>
/// <param name="Entries">Number of FAQ entries being served.</param>
/// <param name="EmbeddingModel">The embedding model behind the entry vectors.</param>
/// <param name="LoadedAt">When the current FAQ index was built.</param>
internal sealed record HealthResponse(string Status, int Entries, string? EmbeddingModel, DateTimeOffset? LoadedAt);

internal static class HealthEndpoints
{
    public static RouteGroupBuilder MapHealth(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/health").WithTags("Health");
        group.MapGet("/", Get).WithName("Health");
        return group;
    }

    internal static Results<Ok<HealthResponse>, JsonHttpResult<HealthResponse>> Get(FaqCatalog catalog)
    {
        var snapshot = catalog.Current;
        if (snapshot is null)
        {
            return TypedResults.Json(
                new HealthResponse("unhealthy", 0, null, null),
                ApiJsonContext.Default.HealthResponse,
                statusCode: StatusCodes.Status503ServiceUnavailable);
        }

        return TypedResults.Ok(new HealthResponse("healthy", snapshot.Index.Entries.Count, snapshot.Index.EmbeddingModelId, snapshot.LoadedAt));
    }
}
