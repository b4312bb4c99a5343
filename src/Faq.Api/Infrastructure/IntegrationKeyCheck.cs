using Microsoft.Extensions.Primitives;

namespace Faq.Api.Infrastructure;

/// <summary>
/// Public endpoints accept an optional integration key (<c>X-Api-Key</c>): without one a caller is anonymous, with a
/// configured one it gets its own rate limit, and with any other key it is told so (401 problem details) instead of
/// being served quietly under the anonymous limit, so an integrator learns at once that the key is wrong.
/// </summary>
internal static class IntegrationKeyCheck
{
    public static TBuilder RejectsUnknownIntegrationKey<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(async (context, next) =>
            IsUnknown(context.HttpContext) ? Unknown() : await next(context));

    /// <summary>A key was sent (not blank) and it matches no configured integration.</summary>
    internal static bool IsUnknown(HttpContext httpContext)
    {
        if (!httpContext.Request.Headers.TryGetValue(RateLimiting.IntegrationKeyHeader, out var values) || StringValues.IsNullOrEmpty(values)
            || (values.Count == 1 && string.IsNullOrWhiteSpace(values[0])))
        {
            return false;
        }

        return values.Count != 1 || httpContext.RequestServices.GetRequiredService<KeyRing<IntegrationKey>>().Match(values[0]!) is null;
    }

    private static ProblemHttpResult Unknown() => TypedResults.Problem(
        title: "The API key is not valid.",
        detail: $"The {RateLimiting.IntegrationKeyHeader} header matches no integration key. Send the key issued for your integration, or no key at all to be served under the public limit.",
        statusCode: StatusCodes.Status401Unauthorized);
}
