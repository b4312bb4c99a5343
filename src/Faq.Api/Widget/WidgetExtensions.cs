using Microsoft.AspNetCore.Cors.Infrastructure;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Net.Http.Headers;

namespace Faq.Api.Widget;

/// <summary>Settings for the embeddable chat widget (<c>Faq:Widget</c>).</summary>
internal sealed class WidgetOptions
{
    public const string Section = "Faq:Widget";
    public const string CorsPolicy = "widget";

    /// <summary>Clinic websites that may embed the widget and call the public API from the browser.</summary>
    public List<string> AllowedOrigins { get; set; } = [];

    /// <summary>
    /// Entry ids the widget suggests first (and /api/faqs lists first), in this order. Empty means
    /// <see cref="DefaultFeatured"/>. (Configuration binding appends to a list, so the default is not pre-filled.)
    /// </summary>
    public List<string> FeaturedQuestions { get; set; } = [];

    public static IReadOnlyList<string> DefaultFeatured { get; } = ["is-it-painful", "how-many-sessions", "side-effects", "dry-needling-vs-acupuncture"];
}

internal static class WidgetExtensions
{
    /// <summary>CORS for the configured clinic origins on the public API, and the widget options.</summary>
    public static WebApplicationBuilder AddFaqWidget(this WebApplicationBuilder builder)
    {
        var options = new WidgetOptions();
        builder.Configuration.GetSection(WidgetOptions.Section).Bind(options);
        if (options.FeaturedQuestions.Count == 0)
        {
            options.FeaturedQuestions.AddRange(WidgetOptions.DefaultFeatured);
        }
        foreach (var origin in options.AllowedOrigins)
        {
            if (!Uri.TryCreate(origin, UriKind.Absolute, out var uri) || uri.AbsolutePath != "/" || uri.Scheme is not ("https" or "http"))
            {
                throw new InvalidOperationException($"Faq:Widget:AllowedOrigins: '{origin}' is not an origin like https://clinic.example.");
            }
        }

        builder.Services.AddSingleton(options);
        builder.Services.AddCors(cors => cors.AddPolicy(WidgetOptions.CorsPolicy, policy =>
        {
            policy.WithOrigins([.. options.AllowedOrigins.Select(o => o.TrimEnd('/'))])
                .WithMethods("GET", "POST")
                .WithHeaders("Content-Type")
                .SetPreflightMaxAge(TimeSpan.FromHours(1));
        }));
        return builder;
    }

    /// <summary>Static files: the widget script cached for an hour (it is small and changes with releases).</summary>
    public static WebApplication UseFaqStaticFiles(this WebApplication app)
    {
        app.UseDefaultFiles();
        app.UseStaticFiles(new StaticFileOptions
        {
            ContentTypeProvider = new FileExtensionContentTypeProvider(),
            OnPrepareResponse = context =>
            {
                var headers = context.Context.Response.Headers;
                if (context.Context.Request.Path.StartsWithSegments("/widget", StringComparison.Ordinal))
                {
                    headers.CacheControl = "public, max-age=3600";
                    headers[HeaderNames.AccessControlAllowOrigin] = "*"; // the script itself is public; the API is what CORS guards
                    headers.XContentTypeOptions = "nosniff";
                }
                else
                {
                    headers.CacheControl = "no-cache";
                }
            },
        });
        return app;
    }
}
