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

    internal FaqApiFactory(Dictionary<string, string?> settings, Action<IServiceCollection>? services = null, bool kestrel = true)
    {
        _services = services;
        // Tests send bursts from one address; the rate-limit tests set their own limits.
        settings.TryAdd("Faq:RateLimits:AnonymousPerMinute", "100000");
        settings.TryAdd("Faq:RateLimits:AdminPerMinute", "100000");
        settings.TryAdd("Faq:RateLimits:MessagingPerMinute", "100000");
        _settings = settings;
        if (kestrel)
        {
            UseKestrel(0);
        }
    }

    /// <summary>
    /// Starts the app with these settings and returns the exception start-up fails with. WebApplicationFactory
    /// sometimes loses a failure of the host's start (options validated on start) to a race of its own: it reads
    /// the already disposed service provider and throws ObjectDisposedException instead. Such an attempt tells
    /// nothing about the app, so it is repeated (a few times at most).
    /// </summary>
    internal static T StartupFailure<T>(Dictionary<string, string?> settings)
        where T : Exception
    {
        for (var attempt = 1; ; attempt++)
        {
            using var factory = new FaqApiFactory(new(settings), kestrel: false);
            var error = Record.Exception(() => factory.Services);
            if (error is ObjectDisposedException && attempt < 5)
            {
                continue;
            }

            return Assert.IsType<T>(error);
        }
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
