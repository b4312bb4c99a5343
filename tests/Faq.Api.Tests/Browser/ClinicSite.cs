using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Faq.Api.Tests.Browser;

/// <summary>
/// A clinic's own website on its own loopback port: pages that embed the widget with a script tag pointing at the
/// app, exactly as a real site would. Being a different origin from the app, it makes the widget run cross-origin.
/// </summary>
internal sealed class ClinicSite : IAsyncDisposable
{
    private readonly WebApplication _app;

    private ClinicSite(WebApplication app) => _app = app;

    public string Origin { get; private set; } = string.Empty;

    /// <summary>The app's base address, used in the embedding script tag.</summary>
    public string AppBase { get; set; } = string.Empty;

    public static async Task<ClinicSite> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var site = new ClinicSite(app);
        app.MapGet("/{**path}", (HttpContext context) => Results.Content(site.Page(context.Request.Path.Value ?? "/"), "text/html; charset=utf-8"));
        await app.StartAsync();
        site.Origin = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
        return site;
    }

    private string Page(string path) => $$"""
        <!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <title>Clinic</title>
        <style>{{(path.Contains("aggressive", StringComparison.Ordinal)
            ? "* { color: red !important; font-size: 40px !important; font-family: serif !important; background: yellow !important; } div, section, button { display: none !important; }"
            : string.Empty)}}</style></head>
        <body><h1>Clinic home</h1><p>Our services.</p><a href="/other">Another page</a>
        <script src="{{AppBase}}/widget/faq-widget.js" data-endpoint="{{AppBase}}/api" data-title="Questions about dry needling?"
                data-accent="#00695c" data-phone="555-0100" async></script></body></html>
        """;

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
