using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;

namespace Faq.Api.Infrastructure;

internal static class ProblemDetailsExtensions
{
    /// <summary>Every error response is application/problem+json, including those the framework produces.</summary>
    public static IHostApplicationBuilder AddFaqProblemDetails(this IHostApplicationBuilder builder)
    {
        builder.Services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            var problem = context.ProblemDetails;
            problem.Extensions.TryAdd("traceId", context.HttpContext.TraceIdentifier);
            // The framework answers these itself (no exception): say what the client can do about it.
            problem.Detail ??= problem.Status switch
            {
                StatusCodes.Status413PayloadTooLarge => "The request body exceeds the size this endpoint accepts.",
                StatusCodes.Status415UnsupportedMediaType => "Send the body as JSON with Content-Type: application/json.",
                StatusCodes.Status404NotFound => "There is no resource at this address.",
                StatusCodes.Status405MethodNotAllowed => "This address does not accept that HTTP method.",
                _ => null,
            };
        });
        builder.Services.AddExceptionHandler<BadRequestExceptionHandler>();
        return builder;
    }
}

/// <summary>
/// Turns the framework's bad-request exceptions (malformed JSON, wrong content type, body too large) into
/// problem details with their own status code and a message that says what was wrong. Everything else falls
/// through to the default handler: a 500 with no internals exposed.
/// </summary>
internal sealed partial class BadRequestExceptionHandler(IProblemDetailsService problemDetails, ILogger<BadRequestExceptionHandler> logger)
    : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException bad || httpContext.Response.HasStarted)
        {
            return false;
        }

        LogRejected(logger, bad.StatusCode, bad.Message);
        httpContext.Response.StatusCode = bad.StatusCode;
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails =
            {
                Status = bad.StatusCode,
                Title = bad.StatusCode switch
                {
                    StatusCodes.Status413PayloadTooLarge => "The request body is too large.",
                    StatusCodes.Status415UnsupportedMediaType => "The request body must be JSON.",
                    _ => "The request could not be read.",
                },
                Detail = bad.InnerException is JsonException json ? Describe(json) : null,
            },
        });
    }

    /// <summary>Where the body went wrong, without naming .NET types: malformed JSON arrives with the reader's own
    /// JsonException inside; a value of the wrong kind (a number where text belongs, an array for an object) or text
    /// that cannot be decoded (a lone surrogate escape) without one.</summary>
    private static string Describe(JsonException json)
    {
        var where = $"at {json.Path ?? "$"}, line {json.LineNumber + 1}, byte {json.BytePositionInLine + 1}";
        return json.InnerException is JsonException
            ? $"The body is not valid JSON ({where})."
            : $"A value in the body has the wrong type or cannot be read as text ({where}); see the OpenAPI description at {OpenApi.OpenApiExtensions.DocumentPath}.";
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Rejected request with {StatusCode}: {Reason}")]
    private static partial void LogRejected(ILogger logger, int statusCode, string reason);
}
