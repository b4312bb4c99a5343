using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Faq.Tests.Shared;
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
        // Kestrel without a port argument: the port comes from the "urls" setting below (port 0, a free one).
        // UseKestrel(port) rewrites the server's addresses after the app's own thread may already have bound
        // them, which fails now and then with "Addresses cannot be modified after the server has started".
        UseKestrel();
    }

    /// <summary>
    /// Starts the app through its real entry point (as <c>dotnet Faq.Api.dll</c> would, settings on the command
    /// line, its own empty store) and returns the exception start-up fails with. Not through
    /// WebApplicationFactory: when the host fails while starting (options validated on start), the factory
    /// sometimes reads the already disposed service provider and reports its own ObjectDisposedException instead.
    /// </summary>
    internal static T StartupFailure<T>(Dictionary<string, string?> settings)
        where T : Exception
    {
        var store = Path.Combine(Path.GetTempPath(), "faq-tests", Guid.NewGuid().ToString("N"));
        string[] args =
        [
            "--environment=Testing",
            "--urls=http://127.0.0.1:0",
            $"--Faq:File:Path={store}",
            .. settings.Select(setting => $"--{setting.Key}={setting.Value}"),
        ];
        try
        {
            var run = Task.Run(() => typeof(Program).Assembly.EntryPoint!.Invoke(null, [args]));
            Assert.True(run.Wait(TimeSpan.FromSeconds(30)) || run.IsFaulted, "the app started instead of failing");
            throw new InvalidOperationException("unreachable: a started app does not return");
        }
        catch (AggregateException error) when (error.InnerException is System.Reflection.TargetInvocationException { InnerException: { } cause })
        {
            return Assert.IsType<T>(cause);
        }
        finally
        {
            if (Directory.Exists(store))
            {
                Directory.Delete(store, recursive: true);
            }
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

        // The real model, loaded once for the whole test run and shared through one cache; a test that chooses a
        // provider gets the app's own wiring, and a test may still swap in its own generator below.
        if (!_settings.ContainsKey("Faq:Embeddings:Provider"))
        {
            builder.ConfigureServices(services => services.AddSingleton(SharedEmbedder.Instance));
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
