using System.Net;
using System.Net.Http.Json;

namespace Faq.Api.Tests;

public sealed class RateLimitTests
{
    private static async Task<HttpStatusCode[]> Burst(HttpClient client, int count, Action<HttpRequestMessage>? decorate = null)
    {
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < count; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/ask") { Content = JsonContent.Create(new { question = "does it hurt?" }) };
            decorate?.Invoke(request);
            using var response = await client.SendAsync(request);
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
                Assert.True(response.Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(1));
            }
        }

        return [.. statuses];
    }

    [Fact]
    public async Task ABurstOverTheLimitGets429WithRetryAfterAndRecoversAfterTheWindow()
    {
        using var factory = new FaqApiFactory(new() { ["Faq:RateLimits:AnonymousPerMinute"] = "300", ["Faq:RateLimits:WindowSeconds"] = "2" });
        factory.StartServer();
        using var client = factory.CreateClient();

        var statuses = await Burst(client, 14);
        Assert.Equal(10, statuses.Count(s => s == HttpStatusCode.OK));
        Assert.Equal(4, statuses.Count(s => s == HttpStatusCode.TooManyRequests));

        await Task.Delay(TimeSpan.FromSeconds(2.2));
        Assert.Equal(HttpStatusCode.OK, (await Burst(client, 1))[0]);
    }

    [Fact]
    public async Task OneIntegrationsBurstDoesNotLimitAnotherOrTheAnonymousWidget()
    {
        using var factory = new FaqApiFactory(new()
        {
            ["Faq:RateLimits:AnonymousPerMinute"] = "5",
            ["Faq:Integrations:Keys:0:Name"] = "sms-bridge",
            ["Faq:Integrations:Keys:0:Key"] = "bridge-key-0123456789",
            ["Faq:Integrations:Keys:0:PerMinute"] = "3",
            ["Faq:Integrations:Keys:1:Name"] = "crm",
            ["Faq:Integrations:Keys:1:Key"] = "crm-key-0123456789",
            ["Faq:Integrations:Keys:1:PerMinute"] = "20",
        });
        factory.StartServer();
        using var client = factory.CreateClient();

        var bridge = await Burst(client, 5, r => r.Headers.Add("X-Api-Key", "bridge-key-0123456789"));
        Assert.Equal(3, bridge.Count(s => s == HttpStatusCode.OK));
        var crm = await Burst(client, 10, r => r.Headers.Add("X-Api-Key", "crm-key-0123456789"));
        Assert.All(crm, s => Assert.Equal(HttpStatusCode.OK, s));
        var anonymous = await Burst(client, 5);
        Assert.All(anonymous, s => Assert.Equal(HttpStatusCode.OK, s));
        var unknownKey = await Burst(client, 1, r => r.Headers.Add("X-Api-Key", "made-up"));
        Assert.Equal(HttpStatusCode.TooManyRequests, unknownKey[0]);
    }

    [Fact]
    public async Task ForwardedAddressesCountOnlyFromTrustedProxies()
    {
        using var trusted = new FaqApiFactory(new() { ["Faq:RateLimits:AnonymousPerMinute"] = "3", ["Faq:RateLimits:TrustedProxies:0"] = "127.0.0.1" });
        trusted.StartServer();
        using var viaProxy = trusted.CreateClient();
        Assert.Equal(3, (await Burst(viaProxy, 4, r => r.Headers.Add("X-Forwarded-For", "203.0.113.5"))).Count(s => s == HttpStatusCode.OK));
        Assert.Equal(3, (await Burst(viaProxy, 3, r => r.Headers.Add("X-Forwarded-For", "203.0.113.6"))).Count(s => s == HttpStatusCode.OK));

        using var untrusted = new FaqApiFactory(new() { ["Faq:RateLimits:AnonymousPerMinute"] = "3" });
        untrusted.StartServer();
        using var spoofing = untrusted.CreateClient();
        var spoofed = 0;
        for (var i = 0; i < 6; i++)
        {
            var statuses = await Burst(spoofing, 1, r => r.Headers.Add("X-Forwarded-For", $"198.51.100.{i}"));
            spoofed += statuses.Count(s => s == HttpStatusCode.OK);
        }

        Assert.Equal(3, spoofed);
    }

    [Fact]
    public async Task AdminTrafficHasItsOwnLimit()
    {
        using var factory = new FaqApiFactory(new()
        {
            ["Faq:RateLimits:AnonymousPerMinute"] = "2",
            ["Faq:RateLimits:AdminPerMinute"] = "4",
            ["Faq:Admin:Keys:0:Name"] = "dana",
            ["Faq:Admin:Keys:0:Key"] = "dana-key-0123456789",
        });
        factory.StartServer();
        using var client = factory.CreateClient();
        await Burst(client, 3);
        client.DefaultRequestHeaders.Add("X-Api-Key", "dana-key-0123456789");
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            using var response = await client.GetAsync("/api/admin/entries");
            statuses.Add(response.StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
    }
}
