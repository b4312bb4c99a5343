using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Faq.Api.OpenApi;

/// <summary>Adds the problem+json responses and security requirement that apply to each operation.</summary>
internal static class ProblemResponses
{
    public static Task Apply(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var route = "/" + (context.Description.RelativePath ?? string.Empty).TrimEnd('/');
        var method = context.Description.HttpMethod ?? "GET";
        var statuses = new SortedSet<int>();
        var isAdmin = route.StartsWith("/api/admin", StringComparison.Ordinal);
        var hasBody = method is "POST" or "PUT";

        if (hasBody)
        {
            statuses.UnionWith([400, 413, 415]);
        }

        statuses.Add(429);
        if (isAdmin)
        {
            statuses.UnionWith([401, 403]);
            if (route.Contains("{id}", StringComparison.Ordinal))
            {
                statuses.Add(404);
            }

            if (method == "PUT")
            {
                statuses.UnionWith([412, 428]);
            }

            if (route.EndsWith("/entries", StringComparison.Ordinal) && method == "POST")
            {
                statuses.Add(409);
            }

            if (route.Contains("/import", StringComparison.Ordinal))
            {
                statuses.UnionWith([409, 422]);
            }
        }

        if (route is "/api/ask" or "/api/faqs" or "/api/admin/try" or "/api/feedback")
        {
            statuses.Add(503);
        }

        if (route == "/api/webhooks/twilio")
        {
            statuses.Remove(400);
            statuses.Add(403);
        }

        operation.Responses ??= new OpenApiResponses();
        foreach (var status in statuses)
        {
            var key = status.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (operation.Responses.ContainsKey(key))
            {
                continue;
            }

            operation.Responses[key] = new OpenApiResponse
            {
                Description = Describe(status),
                Content = new Dictionary<string, OpenApiMediaType>
                {
                    ["application/problem+json"] = new OpenApiMediaType { Schema = new OpenApiSchemaReference("ProblemDetails", context.Document) },
                },
            };
        }

        if (isAdmin)
        {
            operation.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("adminKey", context.Document)] = [] }];
        }
        else if (route is "/api/ask" or "/api/faqs" or "/api/feedback")
        {
            operation.Security = [new OpenApiSecurityRequirement(), new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("integrationKey", context.Document)] = [] }];
        }

        return Task.CompletedTask;
    }

    private static string Describe(int status) => status switch
    {
        400 => "The request is not valid; `errors` says which field and why, or `detail` where the JSON is broken.",
        401 => "No valid admin key (or platform sign-in).",
        403 => "Signed in without the FaqEditor role, or (webhook) not signed by Twilio.",
        404 => "No such entry, version or item.",
        409 => "The entry exists already, or the FAQ changed during an import (nothing applied).",
        412 => "The entry changed since it was read; `current` holds the latest version.",
        413 => "The body is larger than this endpoint accepts.",
        415 => "The body is not in a supported media type.",
        422 => "The import has rejected rows; nothing was applied. The body is the row-by-row report.",
        428 => "If-Match with the entry's ETag is required.",
        429 => "Too many requests; see Retry-After.",
        503 => "The FAQ is not loaded yet (store unreachable at a cold start); see Retry-After.",
        _ => "Error.",
    };
}
