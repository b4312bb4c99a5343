using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Faq.Api.OpenApi;

internal static class OpenApiExtensions
{
    public const string DocumentPath = "/api/openapi.json";
    public const string AdminKeyScheme = "adminKey";
    public const string IntegrationKeyScheme = "integrationKey";

    /// <summary>
    /// The OpenAPI 3 description of every endpoint, generated from the endpoints themselves: each declares its
    /// problem+json responses and keys (<see cref="OpenApiEndpointExtensions"/>); this adds the two API-key schemes and
    /// the problem details schema they refer to.
    /// </summary>
    public static IHostApplicationBuilder AddFaqOpenApi(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOpenApi("v1", options =>
        {
            options.AddDocumentTransformer((document, context, cancellationToken) =>
            {
                document.Info = new OpenApiInfo
                {
                    Title = "Faq: patient FAQ chatbot API",
                    Version = "v1",
                    Description = "Answers patients' questions from the clinic's curated FAQ, with a disclaimer on every reply and an "
                        + "urgent reply for anything that sounds like an emergency. Errors are application/problem+json. An admin change is "
                        + "answered from as soon as its reply arrives (on the instance that made it; others within the refresh interval).",
                };
                document.Components ??= new OpenApiComponents();
                document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
                document.Components.SecuritySchemes[AdminKeyScheme] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.ApiKey,
                    In = ParameterLocation.Header,
                    Name = "X-Api-Key",
                    Description = "A clinic staff key (Faq:Admin:Keys). With platform sign-in enabled, the App Service principal is accepted instead.",
                };
                document.Components.SecuritySchemes[IntegrationKeyScheme] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.ApiKey,
                    In = ParameterLocation.Header,
                    Name = "X-Api-Key",
                    Description = "Optional for public endpoints: an integration key (Faq:Integrations:Keys) gets its own rate limit.",
                };
                document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
                document.Components.Schemas["ProblemDetails"] = new OpenApiSchema
                {
                    Type = JsonSchemaType.Object,
                    Description = "RFC 9457 problem details. Validation errors add `errors`: field name → messages; 412 adds `current`.",
                    Properties = new Dictionary<string, IOpenApiSchema>
                    {
                        ["type"] = new OpenApiSchema { Type = JsonSchemaType.String },
                        ["title"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "What went wrong, for people." },
                        ["status"] = new OpenApiSchema { Type = JsonSchemaType.Integer },
                        ["detail"] = new OpenApiSchema { Type = JsonSchemaType.String | JsonSchemaType.Null, Description = "What to do about it." },
                        ["traceId"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "Quote this when reporting a problem." },
                    },
                    Required = new HashSet<string> { "title", "status" },
                };
                return Task.CompletedTask;
            });
            options.AddSchemaTransformer(Examples.Apply);

            // Endpoints returning ValidationProblem declare their 400 through the result type, which names it only "Bad Request".
            options.AddOperationTransformer((operation, context, cancellationToken) =>
            {
                if (operation.Responses?.TryGetValue("400", out var invalid) == true && invalid is OpenApiResponse response)
                {
                    response.Description = OpenApiEndpointExtensions.Describe(StatusCodes.Status400BadRequest);
                }

                return Task.CompletedTask;
            });
        });
        return builder;
    }

    public static IEndpointRouteBuilder MapFaqOpenApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapOpenApi(DocumentPath);
        return endpoints;
    }
}
