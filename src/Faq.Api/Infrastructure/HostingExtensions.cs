using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Faq.Api.Infrastructure;

internal static class HostingExtensions
{
    /// <summary>The port of the local run, the same one the Azure Functions host uses locally.</summary>
    public const int LocalPort = 7071;

    /// <summary>The largest request body any endpoint accepts unless it sets its own limit.</summary>
    public const long MaxRequestBodyBytes = 64 * 1024;

    /// <summary>
    /// What every request needs, whichever host runs the app: bodies capped before they are read, JSON
    /// source-generated so the app stays trimmable, routing, one clock for all.
    /// </summary>
    public static IHostApplicationBuilder AddFaqHosting(this IHostApplicationBuilder builder)
    {
        // Bodies are capped before they are read: 64 KB unless an endpoint says otherwise (imports allow 5 MB).
        // Kestrel's minimum data rate (on by default) drops uploads that trickle in to hold a connection. Kestrel is the
        // server in both hosts (the Functions worker forwards to its own Kestrel), so its options are set here.
        builder.Services.Configure<KestrelServerOptions>(kestrel => kestrel.Limits.MaxRequestBodySize = MaxRequestBodyBytes);
        builder.Services.AddRouting();
        builder.Services.ConfigureHttpJsonOptions(options =>
            options.SerializerOptions.TypeInfoResolverChain.Insert(0, ApiJsonContext.Default));
        builder.Services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        builder.Services.AddSingleton(TimeProvider.System);
        return builder;
    }

    /// <summary>Without the Functions host the app listens itself: on the configured URLs, else on http://localhost:7071.</summary>
    public static WebApplicationBuilder ListenLocally(this WebApplicationBuilder builder)
    {
        if (string.IsNullOrEmpty(builder.Configuration[WebHostDefaults.ServerUrlsKey]))
        {
            builder.WebHost.UseUrls($"http://localhost:{LocalPort}");
        }

        return builder;
    }
}
