using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Faq.Api.Snapshots;
using Faq.Core.Editing;
using Faq.Core.Storage;
using Faq.Tests;
using static Faq.Tests.Polling;
using Microsoft.Extensions.DependencyInjection;

namespace Faq.Api.Tests;

/// <summary>The whole app against a real Table Storage emulator that the tests stop and start.</summary>
public sealed class StoreIntegrationTests : IAsyncLifetime
{
    private readonly string _data = Path.Combine(Path.GetTempPath(), "faq-azurite", Guid.NewGuid().ToString("N"));
    private AzuriteProcess _azurite = null!;

    public async Task InitializeAsync() => _azurite = await AzuriteProcess.StartAsync(_data);

    public async Task DisposeAsync()
    {
        await _azurite.DisposeAsync();
        if (Directory.Exists(_data))
        {
            Directory.Delete(_data, recursive: true);
        }
    }

    private Dictionary<string, string?> TablesSettings(string tenant) => new()
    {
        ["Faq:Store"] = "Tables",
        ["Faq:Tables:ConnectionString"] = _azurite.ConnectionString,
        ["Faq:Tenant"] = tenant,
        ["Faq:Snapshot:RefreshSeconds"] = "1",
        ["Faq:Snapshot:StartupWaitSeconds"] = "5",
        ["Faq:StoreResilience:AttemptTimeout"] = "00:00:01",
        ["Faq:StoreResilience:MaxRetries"] = "1",
        ["Faq:StoreResilience:RetryDelay"] = "00:00:00.050",
        ["Faq:StoreResilience:BreakDuration"] = "00:00:01",
    };

    private static async Task<JsonElement> Ask(HttpClient client, string question)
    {
        using var response = await client.PostAsJsonAsync("/api/ask", new { question });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static async Task<string> HealthStatus(HttpClient client)
    {
        using var response = await client.GetAsync("/api/health");
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString()!;
    }

    [Fact]
    public async Task AnEmptyTableIsSeededOnceAndAnswersQuestions()
    {
        using var factory = new FaqApiFactory(TablesSettings("seedtest"));
        factory.StartServer();
        using var client = factory.CreateClient();

        var reply = await Ask(client, "Does dry needling hurt?");
        Assert.Equal("is-it-painful", reply.GetProperty("faqId").GetString());
        var health = await client.GetFromJsonAsync<JsonElement>("/api/health");
        Assert.Equal("healthy", health.GetProperty("status").GetString());
        Assert.Equal("Tables", health.GetProperty("store").GetString());

        var store = factory.Services.GetRequiredService<IFaqStore>();
        var entries = await store.ListAsync();
        Assert.True(entries.Count >= 23);
        Assert.All(entries, e => Assert.NotNull(e.Vectors));
        Assert.All(entries, e => Assert.Equal(1, e.Version));

        // A second app instance over the same table neither seeds again nor re-embeds.
        using var second = new FaqApiFactory(TablesSettings("seedtest"));
        second.StartServer();
        var snapshot = second.Services.GetRequiredService<FaqSnapshots>().Current!;
        Assert.Equal(0, snapshot.Index.ComputedVectors);
        Assert.All(await store.ListAsync(), e => Assert.Equal(1, e.Version));
    }

    [Fact]
    public async Task AnsweringContinuesWhenTheStoreDiesAndHealthRecoversWhenItReturns()
    {
        using var factory = new FaqApiFactory(TablesSettings("outage"));
        factory.StartServer();
        using var client = factory.CreateClient();
        Assert.Equal("answered", (await Ask(client, "Does dry needling hurt?")).GetProperty("outcome").GetString());

        await _azurite.StopAsync();
        await Eventually(async () => await HealthStatus(client) == "degraded", "health reports degraded", TimeSpan.FromSeconds(30));
        var reply = await Ask(client, "How many dry needling sessions will I need?");
        Assert.Equal("how-many-sessions", reply.GetProperty("faqId").GetString());
        var health = await client.GetFromJsonAsync<JsonElement>("/api/health");
        Assert.False(string.IsNullOrWhiteSpace(health.GetProperty("reason").GetString()));

        await _azurite.RestartAsync();
        await Eventually(async () => await HealthStatus(client) == "healthy", "health recovers", TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task AColdStartWithTheStoreDownIsA503WithRetryAfterThatRecoversByItself()
    {
        await _azurite.StopAsync();
        var settings = TablesSettings("coldstart");
        settings["Faq:Snapshot:StartupWaitSeconds"] = "1";
        using var factory = new FaqApiFactory(settings);
        factory.StartServer();
        using var client = factory.CreateClient();

        using (var response = await client.PostAsJsonAsync("/api/ask", new { question = "Does it hurt?" }))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.NotNull(response.Headers.RetryAfter);
        }

        using (var health = await client.GetAsync("/api/health"))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
            Assert.Equal("unavailable", (await health.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        }

        await _azurite.RestartAsync();
        await Eventually(async () =>
        {
            using var response = await client.PostAsJsonAsync("/api/ask", new { question = "Does it hurt?" });
            return response.StatusCode == HttpStatusCode.OK;
        }, "the app answers once the store is back", TimeSpan.FromSeconds(45));
    }

    [Fact]
    public async Task EditsSurviveRestartingTheAppAndTheEmulator()
    {
        const string answer = "Updated by staff: most people feel only a brief twitch.";
        using (var factory = new FaqApiFactory(TablesSettings("restart")))
        {
            factory.StartServer();
            using var client = factory.CreateClient();
            var store = factory.Services.GetRequiredService<IFaqStore>();
            var current = (await store.GetAsync("is-it-painful"))!;
            await store.UpdateAsync(current.Entry with { Answer = answer }, current.ETag, "staff", null);
            await factory.Services.GetRequiredService<IFaqReloader>().ReloadAsync(CancellationToken.None);
            await Eventually(async () => (await Ask(client, "Does dry needling hurt?")).GetProperty("answer").GetString() == answer, "the edit is served", TimeSpan.FromSeconds(5));
        }

        await _azurite.RestartAsync();

        using (var again = new FaqApiFactory(TablesSettings("restart")))
        {
            again.StartServer();
            using var client = again.CreateClient();
            Assert.Equal(answer, (await Ask(client, "Does dry needling hurt?")).GetProperty("answer").GetString());
            var history = await again.Services.GetRequiredService<IFaqStore>().HistoryAsync("is-it-painful");
            Assert.Equal([1L, 2L], history.Select(h => h.Version));
        }
    }
}
