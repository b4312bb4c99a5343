using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Faq.Api.Tests;

/// <summary>Hosts the real app on Kestrel on a free loopback port, with optional configuration overrides.</summary>
public sealed class FaqApiFactory : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> _settings;

    public FaqApiFactory()
        : this([])
    {
    }

    internal FaqApiFactory(Dictionary<string, string?> settings)
    {
        _settings = settings;
        UseKestrel(0);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("urls", "http://127.0.0.1:0");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
    }
}
