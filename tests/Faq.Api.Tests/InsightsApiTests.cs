using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using static Faq.Tests.Polling;

namespace Faq.Api.Tests;

/// <summary>
/// A clock that starts on a fixed day at 10:00 UTC, runs at real speed (so the app's timers work) and can be moved on
/// by whole days: asks "on" several days in one test run.
/// </summary>
internal sealed class DayClock(DateTimeOffset start) : TimeProvider
{
    private readonly DateTimeOffset _realStart = System.GetUtcNow();
    private long _offsetTicks;

    public override DateTimeOffset GetUtcNow() => start + (System.GetUtcNow() - _realStart) + TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));

    public void NextDay() => Interlocked.Add(ref _offsetTicks, TimeSpan.FromDays(1).Ticks);
}

/// <summary>The insights API, run against each store (file, and Table Storage in Azurite).</summary>
public abstract class InsightsApiTests : IAsyncLifetime
{
    private const string Key = "insights-test-key-0123456789";
    private static readonly DateTimeOffset Day1 = new(2026, 11, 20, 10, 0, 0, TimeSpan.Zero);
    private readonly DayClock _clock = new(Day1);
    private FaqApiFactory _factory = null!;
    private HttpClient _staff = null!;
    private HttpClient _patient = null!;

    protected abstract Task<Dictionary<string, string?>> StoreSettingsAsync();

    public async Task InitializeAsync()
    {
        var settings = await StoreSettingsAsync();
        settings["Faq:Admin:Keys:0:Name"] = "dana";
        settings["Faq:Admin:Keys:0:Key"] = Key;
        _factory = new FaqApiFactory(settings, services => services.AddSingleton<TimeProvider>(_clock));
        _factory.StartServer();
        _staff = _factory.CreateClient();
        _staff.DefaultRequestHeaders.Add("X-Api-Key", Key);
        _patient = _factory.CreateClient();
    }

    public Task DisposeAsync()
    {
        _staff.Dispose();
        _patient.Dispose();
        _factory.Dispose();
        return Task.CompletedTask;
    }

    private sealed record Asked(string Day, string Channel, string Outcome, string? FaqId);

    private async Task<Asked> Ask(string question, string channel)
    {
        using var response = await _patient.PostAsJsonAsync("/api/ask", new { question, channel });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return new Asked(_clock.GetUtcNow().ToString("yyyy-MM-dd"), channel, body.GetProperty("outcome").GetString()!, body.GetProperty("faqId").GetString());
    }

    private async Task Vote(string faqId, bool helpful)
    {
        using var response = await _patient.PostAsJsonAsync("/api/feedback", new { faqId, helpful });
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }

    private static async Task<JsonElement> Problem(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static readonly (string Question, string Channel)[] Day1Questions =
    [
        ("Does dry needling hurt?", "web"), ("how many sessions will I need", "web"), ("what are the side effects", "sms"),
        ("do you validate parking tickets", "web"), ("I can't breathe and my chest hurts", "web"), ("is dry needling the same as acupuncture", "sms"),
        ("what should I wear", "web"),
    ];

    private static readonly (string Question, string Channel)[] Day2Questions =
    [
        ("Does dry needling hurt?", "sms"), ("how do I book an appointment", "web"), ("do you validate parking tickets at the clinic", "web"),
        ("what clothes should I wear to my appointment", "sms"), ("can it help plantar fasciitis", "web"), ("needle", "web"),
        ("is it safe", "sms"), ("what should I wear to dry needling", "web"),
    ];

    private static readonly (string Question, string Channel)[] Day4Questions =
    [
        ("how much does it cost", "web"), ("Does dry needling hurt?", "web"), ("i am bleeding and it will not stop", "sms"),
        ("can I exercise after dry needling", "sms"), ("what should I wear", "web"),
    ];

    [Fact]
    public async Task QuestionsOverSeveralDaysAndTwoChannelsAreReportedExactlyAsTheBotRepliedAndAsCsv()
    {
        var asked = new List<Asked>();
        foreach (var (question, channel) in Day1Questions)
        {
            asked.Add(await Ask(question, channel));
        }

        using (var greeting = await _patient.PostAsJsonAsync("/api/ask", new { question = "hello" }))
        using (var trial = await _staff.PostAsJsonAsync("/api/admin/try", new { question = "Does dry needling hurt?" }))
        {
            Assert.Equal(HttpStatusCode.OK, greeting.StatusCode); // a greeting is not a question, and staff trials are not patients
            Assert.Equal(HttpStatusCode.OK, trial.StatusCode);
        }

        _clock.NextDay();
        foreach (var (question, channel) in Day2Questions)
        {
            asked.Add(await Ask(question, channel));
        }

        await Vote("is-it-painful", helpful: true);
        await Vote("is-it-painful", helpful: true);
        await Vote("is-it-painful", helpful: false);
        await Vote("booking", helpful: false);
        _clock.NextDay();
        _clock.NextDay();
        foreach (var (question, channel) in Day4Questions)
        {
            asked.Add(await Ask(question, channel));
        }

        Assert.Equal(20, asked.Count);
        foreach (var outcome in new[] { "answered", "fallback", "urgent" })
        {
            Assert.Contains(asked, a => a.Outcome == outcome); // a mix of outcomes, whatever the model makes of each
        }

        Assert.Equal(2, asked.Select(a => a.Channel).Distinct().Count());

        const string From = "2026-11-19";
        const string To = "2026-11-24";
        var missedExpected = asked.Count(a => a.Outcome is "fallback" or "clarify");
        JsonElement insights = default;
        await Eventually(async () =>
        {
            insights = await _staff.GetFromJsonAsync<JsonElement>($"/api/admin/insights?from={From}&to={To}");
            return insights.GetProperty("missed").EnumerateArray().Sum(m => m.GetProperty("count").GetInt32()) == missedExpected;
        }, "every missed question is in the review queue's groups", TimeSpan.FromSeconds(10));

        Assert.Equal(From, insights.GetProperty("from").GetString());
        Assert.Equal(To, insights.GetProperty("to").GetString());
        long Count(IEnumerable<Asked> a, string outcome) => a.Count(x => x.Outcome == outcome);
        var totals = insights.GetProperty("totals");
        Assert.Equal(20, totals.GetProperty("asked").GetInt64());
        foreach (var outcome in new[] { "answered", "clarify", "fallback", "urgent" })
        {
            Assert.Equal(Count(asked, outcome), totals.GetProperty(outcome).GetInt64());
        }

        Assert.Equal(Math.Round(Count(asked, "answered") / 20.0, 3), totals.GetProperty("answerRate").GetDouble(), 3);

        var days = insights.GetProperty("days").EnumerateArray().ToList();
        Assert.Equal(["2026-11-19", "2026-11-20", "2026-11-21", "2026-11-22", "2026-11-23", "2026-11-24"], days.Select(d => d.GetProperty("date").GetString()));
        foreach (var day in days)
        {
            var on = asked.Where(a => a.Day == day.GetProperty("date").GetString()).ToList();
            Assert.Equal(on.Count, day.GetProperty("asked").GetInt64());
            foreach (var outcome in new[] { "answered", "clarify", "fallback", "urgent" })
            {
                Assert.Equal(Count(on, outcome), day.GetProperty(outcome).GetInt64());
            }
        }

        Assert.Equal([7, 8, 0, 5], days.Skip(1).Take(4).Select(d => d.GetProperty("asked").GetInt32()));

        var channels = insights.GetProperty("channels").EnumerateArray().ToDictionary(c => c.GetProperty("channel").GetString()!, c => c.GetProperty("asked").GetInt64());
        Assert.Equal(new Dictionary<string, long> { ["web"] = asked.Count(a => a.Channel == "web"), ["sms"] = asked.Count(a => a.Channel == "sms"), ["whatsapp"] = 0, ["api"] = 0 }, channels);

        var entries = insights.GetProperty("topEntries").EnumerateArray().ToList();
        var answeredPerEntry = asked.Where(a => a.Outcome == "answered").GroupBy(a => a.FaqId!).ToDictionary(g => g.Key, g => (long)g.Count());
        Assert.Equal(answeredPerEntry.Keys.Union(["booking"]).Order(StringComparer.Ordinal), entries.Select(e => e.GetProperty("faqId").GetString()!).Order(StringComparer.Ordinal));
        foreach (var entry in entries)
        {
            var id = entry.GetProperty("faqId").GetString()!;
            Assert.Equal(answeredPerEntry.GetValueOrDefault(id), entry.GetProperty("answered").GetInt64());
            Assert.Equal(id == "is-it-painful" ? 2 : 0, entry.GetProperty("helpful").GetInt64());
            Assert.Equal(id is "is-it-painful" or "booking" ? 1 : 0, entry.GetProperty("notHelpful").GetInt64());
            Assert.False(string.IsNullOrEmpty(entry.GetProperty("question").GetString()));
        }

        Assert.Equal(entries.Select(e => e.GetProperty("answered").GetInt64()).OrderDescending(), entries.Select(e => e.GetProperty("answered").GetInt64()));
        Assert.Equal("is-it-painful", entries[0].GetProperty("faqId").GetString());
        Assert.Equal(3, entries[0].GetProperty("answered").GetInt64());

        // The three wordings of "what should I wear" that the bot missed form one missed group.
        var wear = insights.GetProperty("missed").EnumerateArray()
            .Where(m => m.GetProperty("example").GetString()!.Contains("wear", StringComparison.Ordinal)).ToList();
        var wearMissed = asked.Zip(Day1Questions.Concat(Day2Questions).Concat(Day4Questions)).Count(x => x.Second.Question.Contains("wear", StringComparison.Ordinal) && x.First.Outcome is "fallback" or "clarify");
        if (wearMissed > 0)
        {
            Assert.Equal(wearMissed, Assert.Single(wear).GetProperty("count").GetInt32());
        }

        // One day of the period only: that day's counts.
        var day2 = await _staff.GetFromJsonAsync<JsonElement>("/api/admin/insights?from=2026-11-21&to=2026-11-21");
        Assert.Equal(8, day2.GetProperty("totals").GetProperty("asked").GetInt64());
        Assert.Equal(2, day2.GetProperty("topEntries").EnumerateArray().Single(e => e.GetProperty("faqId").GetString() == "is-it-painful").GetProperty("helpful").GetInt64());

        // No period: the last 30 days up to today (the fourth day).
        var recent = await _staff.GetFromJsonAsync<JsonElement>("/api/admin/insights");
        Assert.Equal("2026-10-25", recent.GetProperty("from").GetString());
        Assert.Equal("2026-11-23", recent.GetProperty("to").GetString());
        Assert.Equal(30, recent.GetProperty("days").GetArrayLength());
        Assert.Equal(20, recent.GetProperty("totals").GetProperty("asked").GetInt64());

        // The CSV carries the same figures.
        using var csvResponse = await _staff.GetAsync($"/api/admin/insights?from={From}&to={To}&format=csv");
        Assert.Equal(HttpStatusCode.OK, csvResponse.StatusCode);
        Assert.Equal("text/csv", csvResponse.Content.Headers.ContentType?.MediaType);
        var rows = (await csvResponse.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Select(SplitCsv).ToList();
        var header = rows[0];
        Assert.Equal(["section", "date", "channel", "faqId", "text", "asked", "answered", "clarify", "fallback", "urgent", "answerRate", "helpful", "notHelpful", "count", "groupId"], header);
        string Cell(string[] row, string column) => row[Array.IndexOf(header, column)];
        var total = Assert.Single(rows, r => r[0] == "total");
        Assert.Equal($"{From}/{To}", Cell(total, "date"));
        foreach (var column in new[] { "asked", "answered", "clarify", "fallback", "urgent" })
        {
            Assert.Equal(totals.GetProperty(column).GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture), Cell(total, column));
        }

        Assert.Equal(days.Select(d => $"{d.GetProperty("date").GetString()}:{d.GetProperty("asked").GetInt64()}:{d.GetProperty("answered").GetInt64()}:{d.GetProperty("fallback").GetInt64()}"),
            rows.Where(r => r[0] == "day").Select(r => $"{Cell(r, "date")}:{Cell(r, "asked")}:{Cell(r, "answered")}:{Cell(r, "fallback")}"));
        Assert.Equal(channels.Select(c => $"{c.Key}:{c.Value}").Order(StringComparer.Ordinal), rows.Where(r => r[0] == "channel").Select(r => $"{Cell(r, "channel")}:{Cell(r, "asked")}").Order(StringComparer.Ordinal));
        Assert.Equal(entries.Select(e => $"{e.GetProperty("faqId").GetString()}:{e.GetProperty("answered").GetInt64()}:{e.GetProperty("helpful").GetInt64()}:{e.GetProperty("notHelpful").GetInt64()}"),
            rows.Where(r => r[0] == "entry").Select(r => $"{Cell(r, "faqId")}:{Cell(r, "answered")}:{Cell(r, "helpful")}:{Cell(r, "notHelpful")}"));
        Assert.Equal(insights.GetProperty("missed").EnumerateArray().Select(m => $"{m.GetProperty("groupId").GetString()}:{m.GetProperty("count").GetInt32()}"),
            rows.Where(r => r[0] == "missed").Select(r => $"{Cell(r, "groupId")}:{Cell(r, "count")}"));
    }

    /// <summary>One CSV line (the report's cells never hold line breaks of their own here).</summary>
    private static string[] SplitCsv(string line)
    {
        var cells = new List<string>();
        var cell = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted && c == '"' && i + 1 < line.Length && line[i + 1] == '"')
            {
                cell.Append('"');
                i++;
            }
            else if (c == '"')
            {
                quoted = !quoted;
            }
            else if (c == ',' && !quoted)
            {
                cells.Add(cell.ToString());
                cell.Clear();
            }
            else
            {
                cell.Append(c);
            }
        }

        cells.Add(cell.ToString());
        return [.. cells];
    }

    [Fact]
    public async Task AFreshInstallReportsAnEmptyPeriodNotAnError()
    {
        var insights = await _staff.GetFromJsonAsync<JsonElement>("/api/admin/insights");

        Assert.Equal(0, insights.GetProperty("totals").GetProperty("asked").GetInt64());
        Assert.Equal(0, insights.GetProperty("totals").GetProperty("answerRate").GetDouble());
        Assert.Equal(30, insights.GetProperty("days").GetArrayLength());
        Assert.Empty(insights.GetProperty("topEntries").EnumerateArray());
        Assert.Empty(insights.GetProperty("missed").EnumerateArray());
    }

    [Theory]
    [InlineData("from=2026-11-20&to=2026-11-19", "from")]
    [InlineData("from=2025-10-01&to=2026-11-20", "to")]
    [InlineData("from=20-11-2026", "from")]
    [InlineData("to=2026-02-30", "to")]
    [InlineData("from=yesterday", "from")]
    [InlineData("format=xml", "format")]
    public async Task ABadPeriodIsAProblemNamingTheParameter(string query, string parameter)
    {
        using var response = await _staff.GetAsync("/api/admin/insights?" + query);

        var problem = await Problem(response);
        Assert.True(problem.GetProperty("errors").TryGetProperty(parameter, out _), problem.ToString());
    }

    [Fact]
    public async Task FourHundredDaysIsTheLongestPeriod()
    {
        var longest = await _staff.GetFromJsonAsync<JsonElement>("/api/admin/insights?from=2025-10-17&to=2026-11-20");
        Assert.Equal(400, longest.GetProperty("days").GetArrayLength());
    }

    [Fact]
    public async Task InsightsAreForStaffOnly()
    {
        using var response = await _patient.GetAsync("/api/admin/insights");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}

public sealed class FileStoreInsightsApiTests : InsightsApiTests
{
    protected override Task<Dictionary<string, string?>> StoreSettingsAsync() => Task.FromResult(new Dictionary<string, string?>());
}

public sealed class TablesInsightsApiTests(AzuriteForClass azurite) : InsightsApiTests, IClassFixture<AzuriteForClass>
{
    protected override async Task<Dictionary<string, string?>> StoreSettingsAsync() => new()
    {
        ["Faq:Store"] = "Tables",
        ["Faq:Tables:ConnectionString"] = (await azurite.GetAsync()).ConnectionString,
        ["Faq:Tenant"] = "insights" + Guid.NewGuid().ToString("N")[..8],
    };
}

/// <summary>Two app instances counting into one store, one of them restarted: every count arrives, none twice.</summary>
public abstract class InsightsInstancesTests
{
    private const string Key = "instances-test-key-0123456789";

    /// <summary>Settings that put every instance of one test on the same store.</summary>
    protected abstract Task<Dictionary<string, string?>> SharedStoreAsync();

    private static (FaqApiFactory App, HttpClient Client) Start(Dictionary<string, string?> store)
    {
        var settings = new Dictionary<string, string?>(store)
        {
            ["Faq:Admin:Keys:0:Name"] = "dana",
            ["Faq:Admin:Keys:0:Key"] = Key,
            ["Faq:Insights:FlushSeconds"] = "1",
        };
        var app = new FaqApiFactory(settings);
        app.StartServer();
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", Key);
        return (app, client);
    }

    private static async Task Ask(HttpClient client, string question, string channel, int times)
    {
        await Task.WhenAll(Enumerable.Range(0, times).Select(async _ =>
        {
            // As a patient: an admin key is not an integration key, so /api/ask would refuse it.
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/ask") { Content = JsonContent.Create(new { question, channel }) };
            // A blank key overrides the client's default header and is served anonymously.
            request.Headers.TryAddWithoutValidation("X-Api-Key", string.Empty);
            using var response = await client.SendAsync(request);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }));
    }

    private static async Task<long> Asked(HttpClient client) =>
        (await client.GetFromJsonAsync<JsonElement>("/api/admin/insights")).GetProperty("totals").GetProperty("asked").GetInt64();

    [Fact]
    public async Task TwoInstancesCountIntoOneStoreAndARestartLosesNothing()
    {
        var store = await SharedStoreAsync();
        var (first, firstClient) = Start(store);
        var (second, secondClient) = Start(store);
        try
        {
            // Both instances busy at the same moment.
            await Task.WhenAll(Ask(firstClient, "Does dry needling hurt?", "web", 12), Ask(secondClient, "what are the side effects", "sms", 9));
            Assert.Equal(21, await EventuallyAsked(firstClient, 21));

            // The second instance stops right after answering: its last counts are written as it stops.
            await Ask(secondClient, "how many sessions will I need", "whatsapp", 4);
            secondClient.Dispose();
            second.Dispose();
            Assert.Equal(25, await Asked(firstClient));

            // Started again on the same store, it adds to what is there.
            (second, secondClient) = Start(store);
            await Ask(secondClient, "Does dry needling hurt?", "api", 3);
            Assert.Equal(28, await EventuallyAsked(firstClient, 28));
            var channels = (await secondClient.GetFromJsonAsync<JsonElement>("/api/admin/insights")).GetProperty("channels").EnumerateArray()
                .ToDictionary(c => c.GetProperty("channel").GetString()!, c => c.GetProperty("asked").GetInt64());
            Assert.Equal(new Dictionary<string, long> { ["web"] = 12, ["sms"] = 9, ["whatsapp"] = 4, ["api"] = 3 }, channels);
        }
        finally
        {
            firstClient.Dispose();
            secondClient.Dispose();
            first.Dispose();
            second.Dispose();
        }
    }

    /// <summary>Another instance's counts arrive within its flush interval (1 s here).</summary>
    private static async Task<long> EventuallyAsked(HttpClient client, long expected)
    {
        long asked = 0;
        await Eventually(async () => (asked = await Asked(client)) >= expected, $"{expected} questions are counted", TimeSpan.FromSeconds(10));
        return asked;
    }
}

public sealed class FileStoreInsightsInstancesTests : InsightsInstancesTests, IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "faq-tests", "shared-" + Guid.NewGuid().ToString("N"));

    protected override Task<Dictionary<string, string?>> SharedStoreAsync() =>
        Task.FromResult(new Dictionary<string, string?> { ["Faq:File:Path"] = _folder });

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}

public sealed class TablesInsightsInstancesTests(AzuriteForClass azurite) : InsightsInstancesTests, IClassFixture<AzuriteForClass>
{
    protected override async Task<Dictionary<string, string?>> SharedStoreAsync() => new()
    {
        ["Faq:Store"] = "Tables",
        ["Faq:Tables:ConnectionString"] = (await azurite.GetAsync()).ConnectionString,
        ["Faq:Tenant"] = "instances" + Guid.NewGuid().ToString("N")[..8],
    };
}
