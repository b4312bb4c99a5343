using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.OpenApi;

namespace Faq.Api.OpenApi;

/// <summary>What an endpoint declares about itself for the OpenAPI description: its problem responses and its keys.</summary>
internal static class OpenApiEndpointExtensions
{
    public const string ProblemContentType = "application/problem+json";

    /// <summary>The problem+json responses this endpoint (or every endpoint of this group) can return.</summary>
    public static TBuilder ProducesProblems<TBuilder>(this TBuilder builder, params int[] statuses)
        where TBuilder : IEndpointConventionBuilder
    {
        foreach (var status in statuses)
        {
            builder.WithMetadata(new ProducesResponseTypeMetadata(status, typeof(ProblemDetails), [ProblemContentType]) { Description = Describe(status) });
        }

        // The document generator names a response by its status ("Precondition Failed"); say what it means here.
        return builder.AddOpenApiOperationTransformer((operation, _, _) =>
        {
            foreach (var status in statuses)
            {
                if (operation.Responses?.TryGetValue(status.ToString(CultureInfo.InvariantCulture), out var response) == true && response is OpenApiResponse declared)
                {
                    declared.Description = Describe(status);
                }
            }

            return Task.CompletedTask;
        });
    }

    /// <summary>Every operation of this group needs a staff key (or platform sign-in).</summary>
    public static TBuilder RequiresAdminKey<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.AddOpenApiOperationTransformer((operation, context, _) =>
        {
            operation.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(OpenApiExtensions.AdminKeyScheme, context.Document)] = [] }];
            return Task.CompletedTask;
        });

    /// <summary>
    /// The operation is public; an integration key is optional and buys its own rate limit, and a key that matches no
    /// integration is refused with 401 (<see cref="Infrastructure.IntegrationKeyCheck"/>).
    /// </summary>
    public static TBuilder AcceptsIntegrationKey<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.RejectsUnknownIntegrationKey()
            .ProducesProblems(StatusCodes.Status401Unauthorized)
            .AddOpenApiOperationTransformer((operation, context, _) =>
            {
                operation.Security = [new OpenApiSecurityRequirement(), new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(OpenApiExtensions.IntegrationKeyScheme, context.Document)] = [] }];
                if (operation.Responses?.TryGetValue("401", out var response) == true && response is OpenApiResponse declared)
                {
                    declared.Description = "X-Api-Key was sent but matches no integration key (send none to be served anonymously).";
                }

                return Task.CompletedTask;
            });

    /// <summary>What a problem response with this status means in this API.</summary>
    public static string Describe(int status) => status switch
    {
        400 => "The request is not valid; `errors` says which field and why, or `detail` where the JSON is broken.",
        401 => "No valid admin key (or platform sign-in).",
        403 => "Signed in without the FaqEditor role, or (webhook) not signed by Twilio.",
        404 => "No such entry, version or item.",
        409 => "The entry exists already, or the FAQ changed during an import (nothing applied).",
        412 => "The entry changed since it was read; `current` holds the latest version.",
        413 => "The body is larger than this endpoint accepts.",
        415 => "The body is not in a supported media type.",
        428 => "If-Match with the entry's ETag is required.",
        429 => "Too many requests; see Retry-After.",
        503 => "The FAQ is not loaded yet (store unreachable at a cold start), or the store is failing; see Retry-After.",
        _ => "Error.",
    };
}
