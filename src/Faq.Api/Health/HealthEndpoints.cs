using Faq.Api.Snapshots;
using Faq.Api.Store;

namespace Faq.Api.Health;

/// <summary>Liveness and content status.</summary>
/// <param name="Status">
/// <c>healthy</c>: answering from a current FAQ; <c>degraded</c>: answering from the last good snapshot because the
/// store is failing, or by keyword similarity alone because the embedding service is failing (see
/// <paramref name="Reason"/>); <c>unavailable</c>: no FAQ could be loaded yet (HTTP 503).
/// </param>
/// <param name="Entries">Number of FAQ entries being served.</param>
/// <param name="Store">The configured store: File or Tables.</param>
/// <param name="Reason">Why the status is not healthy.</param>
/// <param name="EmbeddingModel">The embedding model behind the entry vectors.</param>
/// <param name="LoadedAt">When the served FAQ index was built.</param>
/// <param name="LastStoreSuccess">When the store last answered.</param>
internal sealed record HealthResponse(
    string Status, int Entries, string Store, string? Reason, string? EmbeddingModel, DateTimeOffset? LoadedAt, DateTimeOffset? LastStoreSuccess);

internal static class HealthEndpoints
{
    public static RouteGroupBuilder MapHealth(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/health").WithTags("Health");
        group.MapGet("/", Get).WithName("Health");
        return group;
    }

    internal static Results<Ok<HealthResponse>, JsonHttpResult<HealthResponse>> Get(FaqSnapshots snapshots, IOptions<StoreOptions> storeOptions)
    {
        var snapshot = snapshots.Current;
        var health = snapshots.Health;
        var store = storeOptions.Value.Kind.ToString();
        if (snapshot is null)
        {
            return TypedResults.Json(
                new HealthResponse("unavailable", 0, store, health.Reason, null, null, health.LastSuccess),
                ApiJsonContext.Default.HealthResponse,
                statusCode: StatusCodes.Status503ServiceUnavailable);
        }

        var embeddingFailing = snapshot.Index.EmbeddingFailure is { } failure
            ? $"The entries could not be embedded ({failure}): questions are answered by keyword similarity alone."
            : snapshots.EmbeddingFailingSince is { } since
            ? $"The embedding service has been failing since {since:u}: questions are answered by keyword similarity alone."
            : null;
        var reason = health.Reachable ? embeddingFailing : health.Reason;
        return TypedResults.Ok(new HealthResponse(
            reason is null ? "healthy" : "degraded",
            snapshot.Index.Entries.Count,
            store,
            reason,
            snapshot.Index.EmbeddingModelId,
            snapshot.LoadedAt,
            health.LastSuccess));
    }
}
