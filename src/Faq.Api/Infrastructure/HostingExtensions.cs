namespace Faq.Api.Infrastructure;

internal static class HostingExtensions
{
    /// <summary>The port of the local run, the same one the Azure Functions host uses locally.</summary>
    public const int LocalPort = 7071;

    /// <summary>The largest request body any endpoint accepts unless it sets its own limit.</summary>
    public const long MaxRequestBodyBytes = 64 * 1024;

    /// <summary>
    /// Where the app listens: on the port the Functions host hands a custom handler, else on the configured
    /// URLs, else on http://localhost:7071. JSON is source-generated so the app stays trimmable. One clock for all.
    /// </summary>
    public static WebApplicationBuilder AddFaqHosting(this WebApplicationBuilder builder)
    {
        if (FunctionsPort(builder.Configuration) is { } port)
        {
            builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        }
        else if (string.IsNullOrEmpty(builder.Configuration[WebHostDefaults.ServerUrlsKey]))
        {
            builder.WebHost.UseUrls($"http://localhost:{LocalPort}");
        }

        // Bodies are capped before they are read: 64 KB unless an endpoint says otherwise (imports allow 5 MB).
        // Kestrel's minimum data rate (on by default) drops uploads that trickle in to hold a connection.
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = MaxRequestBodyBytes);

        builder.Services.ConfigureHttpJsonOptions(options =>
            options.SerializerOptions.TypeInfoResolverChain.Insert(0, ApiJsonContext.Default));
        builder.Services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        builder.Services.AddSingleton(TimeProvider.System);
        return builder;
    }

    /// <summary>The port the Azure Functions host hands its custom handler, or null when the app does not run in Functions.</summary>
    public static int? FunctionsPort(IConfiguration configuration) =>
        int.TryParse(configuration["FUNCTIONS_CUSTOMHANDLER_PORT"], out var port) && port > 0 ? port : null;
}
