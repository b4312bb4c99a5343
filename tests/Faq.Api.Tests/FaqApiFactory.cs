using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Faq.Api.Tests;

/// <summary>
/// Hosts the real app on Kestrel on a free loopback port, with its own empty file store in a temporary folder
/// (deleted on dispose) and optional configuration overrides.
/// </summary>
public sealed class FaqApiFactory : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> _settings;
    private readonly Action<IServiceCollection>? _services;
    private readonly string _storeFolder = Path.Combine(Path.GetTempPath(), "faq-tests", Guid.NewGuid().ToString("N"));

    public FaqApiFactory()
        : this([])
    {
    }

    internal FaqApiFactory(Dictionary<string, string?> settings, Action<IServiceCollection>? services = null)
    {
        _services = services;
        // Tests send bursts from one address; the rate-limit tests set their own limits.
        settings.TryAdd("Faq:RateLimits:AnonymousPerMinute", "100000");
        settings.TryAdd("Faq:RateLimits:AdminPerMinute", "100000");
        settings.TryAdd("Faq:RateLimits:MessagingPerMinute", "100000");
        _settings = settings;
        UseKestrel(0);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("urls", "http://127.0.0.1:0");
        builder.UseSetting("Faq:File:Path", _storeFolder);
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        if (_services is not null)
        {
            builder.ConfigureServices(_services);
        }
    }

    public string StoreFolder => _storeFolder;

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && Directory.Exists(_storeFolder))
        {
            Directory.Delete(_storeFolder, recursive: true);
        }
    }
}
