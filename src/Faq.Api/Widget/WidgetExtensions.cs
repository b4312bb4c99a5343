using Microsoft.AspNetCore.Cors.Infrastructure;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Net.Http.Headers;

namespace Faq.Api.Widget;

/// <summary>Settings for the embeddable chat widget (<c>Faq:Widget</c>; its featured questions are an answering setting, <see cref="Answering.FeaturedQuestionsOptions"/>).</summary>
internal sealed class WidgetOptions
{
    public const string Section = "Faq:Widget";
    public const string CorsPolicy = "widget";

    /// <summary>Clinic websites that may embed the widget and call the public API from the browser.</summary>
    public List<string> AllowedOrigins { get; set; } = [];

    public IEnumerable<string> Validate() => AllowedOrigins
        .Where(origin => !Uri.TryCreate(origin, UriKind.Absolute, out var uri) || uri.AbsolutePath != "/" || uri.Scheme is not ("https" or "http"))
        .Select(origin => $"Faq:Widget:AllowedOrigins: '{origin}' is not an origin like https://clinic.example.");
}

internal static class WidgetExtensions
{
    /// <summary>CORS for the configured clinic origins on the public API.</summary>
    public static IHostApplicationBuilder AddFaqWidget(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<WidgetOptions>().BindConfiguration(WidgetOptions.Section)
            .ValidateProblems(o => o.Validate())
            .ValidateOnStart();
        builder.Services.AddCors();
        builder.Services.AddOptions<CorsOptions>().Configure<IOptions<WidgetOptions>>((cors, widget) =>
            cors.AddPolicy(WidgetOptions.CorsPolicy, policy => policy
                .WithOrigins([.. widget.Value.AllowedOrigins.Select(o => o.TrimEnd('/'))])
                .WithMethods("GET", "POST")
                .WithHeaders("Content-Type")
                .SetPreflightMaxAge(TimeSpan.FromHours(1))));
        return builder;
    }

    /// <summary>Static files: the widget script cached for an hour (it is small and changes with releases).</summary>
    public static IApplicationBuilder UseFaqStaticFiles(this IApplicationBuilder app)
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
