using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;

namespace Faq.Api.Tests.Browser;

/// <summary>Clinic staff using /staff in a real browser against the real app on Kestrel.</summary>
[Collection(ChromiumCollection.Name)]
public sealed class AdminPageTests(ChromiumFixture chromium) : IAsyncLifetime
{
    private const string Key = "browser-test-key-0123456789";
    private FaqApiFactory _factory = null!;
    private HttpClient _api = null!;
    private IBrowserContext _context = null!;
    private IPage _page = null!;

    public async Task InitializeAsync()
    {
        _factory = new FaqApiFactory(new() { ["Faq:Admin:Keys:0:Name"] = "dana", ["Faq:Admin:Keys:0:Key"] = Key });
        _factory.StartServer();
        _api = _factory.CreateClient();
        _context = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = _api.BaseAddress!.ToString() });
        _page = await _context.NewPageAsync();
        _page.Dialog += async (_, dialog) => await dialog.AcceptAsync();
    }

    public async Task DisposeAsync()
    {
        await _context.DisposeAsync();
        _api.Dispose();
        _factory.Dispose();
    }

    private async Task SignIn()
    {
        await _page.GotoAsync("/staff");
        await _page.GetByLabel("Admin key").FillAsync(Key);
        await _page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(_page.GetByRole(AriaRole.Button, new() { Name = "New entry" })).ToBeVisibleAsync();
    }

    private async Task<string> AskAsync(string question)
    {
        using var response = await _api.PostAsJsonAsync("/api/ask", new { question });
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("answer").GetString()!;
    }

    private async Task OpenEntry(string question)
    {
        await _page.GetByRole(AriaRole.Button, new() { Name = question }).ClickAsync();
        await Assertions.Expect(_page.GetByLabel("Question", new() { Exact = true })).ToHaveValueAsync(question);
    }

    [Fact]
    public async Task AWrongKeyIsRefusedWithAMessage()
    {
        await _page.GotoAsync("/staff/");
        await _page.GetByLabel("Admin key").FillAsync("not-the-key");
        await _page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(_page.GetByRole(AriaRole.Alert)).ToContainTextAsync("not accepted");
        await Assertions.Expect(_page.GetByRole(AriaRole.Button, new() { Name = "New entry" })).ToBeHiddenAsync();
    }

    [Fact]
    public async Task StaffFixAWrongAnswerAndTheBotGivesTheNewOne()
    {
        await SignIn();
        await _page.GetByLabel("Search entries").FillAsync("book");
        await OpenEntry("How do I book a dry needling appointment?");
        await _page.GetByLabel("Answer", new() { Exact = true }).FillAsync("Call us on 555-0100 or book at the front desk.");
        await _page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Assertions.Expect(_page.GetByRole(AriaRole.Status)).ToContainTextAsync("Saved");
        await _page.ScreenshotAsync(new() { Path = ChromiumFixture.Screenshot("admin-edit-saved"), FullPage = true });

        Assert.Equal("Call us on 555-0100 or book at the front desk.", await AskAsync("How do I book a dry needling appointment?"));
    }

    [Fact]
    public async Task ADoubleClickOnSaveSavesOnceAndIsNotAConflictWithItself()
    {
        await SignIn();
        await OpenEntry("Is dry needling safe?");
        await _page.GetByLabel("Answer", new() { Exact = true }).FillAsync("Yes, in trained hands. Ask us about your own situation.");
        var puts = 0;
        _page.Request += (_, request) => { if (request.Method == "PUT") Interlocked.Increment(ref puts); };
        await _page.Locator("#save").DblClickAsync();
        await Assertions.Expect(_page.GetByRole(AriaRole.Status)).ToContainTextAsync("Saved");
        await Assertions.Expect(_page.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true })).ToBeEnabledAsync();
        await Assertions.Expect(_page.Locator("#conflict")).ToBeHiddenAsync();
        Assert.Equal(1, puts);

        _api.DefaultRequestHeaders.Add("X-Api-Key", Key);
        var history = await _api.GetFromJsonAsync<JsonElement>("/api/admin/entries/safety/history");
        Assert.Equal(2, history.GetArrayLength());
    }

    [Fact]
    public async Task FieldErrorsAppearNextToTheirFields()
    {
        await SignIn();
        await _page.GetByRole(AriaRole.Button, new() { Name = "New entry" }).ClickAsync();
        await _page.GetByLabel("Id", new() { Exact = true }).FillAsync("Not A Slug");
        await _page.GetByLabel("Question", new() { Exact = true }).FillAsync("Do you validate parking?");
        await _page.GetByRole(AriaRole.Button, new() { Name = "Add a wording" }).ClickAsync();
        await _page.GetByLabel("Wording 1", new() { Exact = true }).FillAsync("Does dry needling hurt?");
        await _page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();

        await Assertions.Expect(_page.Locator("#e-id")).ToContainTextAsync("lowercase slug");
        await Assertions.Expect(_page.Locator("#e-answer")).ToContainTextAsync("must not be empty");
        await Assertions.Expect(_page.Locator("#e-alt-0")).ToContainTextAsync("is-it-painful");
        await Assertions.Expect(_page.GetByLabel("Id", new() { Exact = true })).ToHaveAttributeAsync("aria-invalid", "true");
        await _page.ScreenshotAsync(new() { Path = ChromiumFixture.Screenshot("admin-field-errors"), FullPage = true });
    }

    [Fact]
    public async Task AConflictingEditIsShownWithAWayToReloadOrReapply()
    {
        await SignIn();
        await OpenEntry("What should I do after dry needling?");
        await _page.GetByLabel("Answer", new() { Exact = true }).FillAsync("My version of the aftercare answer.");

        // Someone else saves the same entry meanwhile.
        using (var other = _factory.CreateClient())
        {
            other.DefaultRequestHeaders.Add("X-Api-Key", Key);
            using var get = await other.GetAsync("/api/admin/entries/aftercare");
            var entry = await get.Content.ReadFromJsonAsync<JsonElement>();
            using var put = new HttpRequestMessage(HttpMethod.Put, "/api/admin/entries/aftercare")
            {
                Content = JsonContent.Create(new { question = entry.GetProperty("question").GetString(), answer = "Their version.", alternates = Array.Empty<string>() }),
            };
            put.Headers.TryAddWithoutValidation("If-Match", get.Headers.ETag!.ToString());
            (await other.SendAsync(put)).EnsureSuccessStatusCode();
        }

        await _page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Assertions.Expect(_page.Locator("#conflict")).ToContainTextAsync("saved this entry");
        await Assertions.Expect(_page.GetByLabel("Answer", new() { Exact = true })).ToHaveValueAsync("My version of the aftercare answer.");
        await _page.ScreenshotAsync(new() { Path = ChromiumFixture.Screenshot("admin-conflict"), FullPage = true });
        Assert.Equal("Their version.", await AskAsync("What should I do after dry needling?"));

        await _page.GetByRole(AriaRole.Button, new() { Name = "Keep my changes and save over theirs" }).ClickAsync();
        await Assertions.Expect(_page.GetByRole(AriaRole.Status)).ToContainTextAsync("Saved");
        Assert.Equal("My version of the aftercare answer.", await AskAsync("What should I do after dry needling?"));
    }

    [Fact]
    public async Task AMistakeIsUndoneFromTheHistory()
    {
        await SignIn();
        await OpenEntry("Is dry needling safe?");
        var original = await _page.GetByLabel("Answer", new() { Exact = true }).InputValueAsync();
        await _page.GetByLabel("Answer", new() { Exact = true }).FillAsync("A careless edit.");
        await _page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Assertions.Expect(_page.GetByRole(AriaRole.Status)).ToContainTextAsync("Saved");

        await _page.GetByRole(AriaRole.Button, new() { Name = "History" }).ClickAsync();
        var first = _page.Locator("#history-list li").Filter(new() { HasText = "Version 1:" });
        await first.GetByRole(AriaRole.Button, new() { Name = "Revert to this version" }).ClickAsync();
        await Assertions.Expect(_page.GetByRole(AriaRole.Status)).ToContainTextAsync("Reverted to version 1");
        await Assertions.Expect(_page.GetByLabel("Answer", new() { Exact = true })).ToHaveValueAsync(original);

        await _page.GetByRole(AriaRole.Button, new() { Name = "History" }).ClickAsync();
        var edit = _page.Locator("#history-list li").Filter(new() { HasText = "Version 2:" });
        await edit.GetByRole(AriaRole.Button, new() { Name = "Show changes" }).ClickAsync();
        await Assertions.Expect(edit.Locator("ins").Filter(new() { HasText = "careless" })).ToBeVisibleAsync();
        await _page.ScreenshotAsync(new() { Path = ChromiumFixture.Screenshot("admin-history"), FullPage = true });
        Assert.Equal(original, await AskAsync("Is dry needling safe?"));
    }

    private async Task<JsonElement> AskFullAsync(string question, string channel = "web")
    {
        using var response = await _api.PostAsJsonAsync("/api/ask", new { question, channel });
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private async Task WaitForReviewQueue(int questions)
    {
        using var staff = _factory.CreateClient();
        staff.DefaultRequestHeaders.Add("X-Api-Key", Key);
        await Faq.Tests.Polling.Eventually(
            async () => (await staff.GetFromJsonAsync<JsonElement>("/api/admin/unanswered")).EnumerateArray().Sum(g => g.GetProperty("count").GetInt32()) >= questions,
            "the questions are in the review queue", TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task AnUnansweredQuestionIsTaughtToTheBotInOneAction()
    {
        const string question = "can I wear my compression socks to the appointment";
        await AskAsync(question);
        await WaitForReviewQueue(1);
        await SignIn();
        await _page.GetByRole(AriaRole.Button, new() { Name = "Review queue" }).ClickAsync();
        var group = _page.Locator("article.group").Filter(new() { HasText = "compression socks" });
        await Assertions.Expect(group).ToBeVisibleAsync();
        await group.GetByRole(AriaRole.Combobox).SelectOptionAsync("what-to-expect");
        await _page.ScreenshotAsync(new() { Path = ChromiumFixture.Screenshot("admin-unanswered"), FullPage = true });
        await group.GetByRole(AriaRole.Button, new() { Name = "Add “" }).ClickAsync();
        await Assertions.Expect(_page.GetByRole(AriaRole.Status)).ToContainTextAsync("answers it from now on");

        using var response = await _api.PostAsJsonAsync("/api/ask", new { question });
        Assert.Equal("what-to-expect", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("faqId").GetString());
    }

    [Fact]
    public async Task ParaphrasesFormOneGroupWithAProposalAndTheWholeGroupIsTaughtInOneAction()
    {
        // Three wordings the bot cannot answer yet ("what should I wear" itself it answers, wrongly, from another entry).
        string[] wear = ["what clothes should I wear to my appointment", "what kind of clothing is best for my session", "what to wear for my session"];
        foreach (var wording in wear)
        {
            await AskAsync(wording);
        }

        await AskAsync("can kids get dry needling");
        await WaitForReviewQueue(4);
        await SignIn();
        await _page.GetByRole(AriaRole.Button, new() { Name = "Review queue" }).ClickAsync();

        var group = _page.Locator("article.group").Filter(new() { HasText = "what clothes should I wear" });
        await Assertions.Expect(group).ToHaveCountAsync(1);
        await Assertions.Expect(group.Locator(".items li")).ToHaveCountAsync(3);
        await Assertions.Expect(group).ToContainTextAsync("Asked 3 times");
        await Assertions.Expect(group).ToContainTextAsync("Proposed");

        // The target is the matcher's proposal (or nothing chosen for a new entry), never an unrelated entry that sorts first.
        var kids = _page.Locator("article.group").Filter(new() { HasText = "can kids get dry needling" });
        var kidsTarget = await kids.GetByRole(AriaRole.Combobox).InputValueAsync();
        Assert.NotEqual("electrical-stimulation", kidsTarget);
        Assert.NotEqual("what-is-dry-needling", kidsTarget);
        await _page.ScreenshotAsync(new() { Path = ChromiumFixture.Screenshot("admin-review-queue-groups"), FullPage = true });

        await group.GetByRole(AriaRole.Combobox).SelectOptionAsync("what-to-expect");
        await group.GetByRole(AriaRole.Button, new() { Name = "Add “" }).ClickAsync();
        await Assertions.Expect(_page.GetByRole(AriaRole.Status)).ToContainTextAsync("Added 3 wordings");
        await Assertions.Expect(_page.Locator("article.group").Filter(new() { HasText = "what clothes should I wear" })).ToHaveCountAsync(0);

        foreach (var wording in wear)
        {
            var reply = await AskFullAsync(wording);
            Assert.Equal("what-to-expect", reply.GetProperty("faqId").GetString());
        }
    }

    [Fact]
    public async Task AGroupStartsANewEntryPrefilledWithItsWordingsAndLeavesTheQueueWhenSaved()
    {
        await AskAsync("can kids get dry needling");
        await AskAsync("can children have dry needling");
        await WaitForReviewQueue(2);
        await SignIn();
        await _page.GetByRole(AriaRole.Button, new() { Name = "Review queue" }).ClickAsync();
        var group = _page.Locator("article.group").Filter(new() { HasText = "can kids get dry needling" });
        await Assertions.Expect(group.Locator(".items li")).ToHaveCountAsync(2);
        await group.GetByRole(AriaRole.Button, new() { Name = "Start a new entry" }).ClickAsync();

        await Assertions.Expect(_page.GetByLabel("Question", new() { Exact = true })).ToHaveValueAsync("can kids get dry needling");
        await Assertions.Expect(_page.GetByLabel("Wording 1", new() { Exact = true })).ToHaveValueAsync("can children have dry needling");
        await _page.GetByLabel("Id", new() { Exact = true }).FillAsync("children");
        await _page.GetByLabel("Answer", new() { Exact = true }).FillAsync("Dry needling is mostly offered to adults. Ask the clinic whether it suits your child.");
        await _page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Assertions.Expect(_page.GetByRole(AriaRole.Status)).ToContainTextAsync("Saved “children”");

        using var staff = _factory.CreateClient();
        staff.DefaultRequestHeaders.Add("X-Api-Key", Key);
        await Faq.Tests.Polling.Eventually(
            async () => !(await staff.GetStringAsync("/api/admin/unanswered")).Contains("kids", StringComparison.Ordinal),
            "the group left the review queue", TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task AFreshInstallShowsAnExplainedEmptyInsightsTab()
    {
        await SignIn();
        await _page.GetByRole(AriaRole.Button, new() { Name = "Insights" }).ClickAsync();

        var empty = _page.Locator("#insights-empty");
        await Assertions.Expect(empty).ToBeVisibleAsync();
        await Assertions.Expect(empty).ToContainTextAsync("No questions in this period");
        await Assertions.Expect(empty).ToContainTextAsync("Charts appear here once patients ask");
        await Assertions.Expect(_page.Locator("#tab-insights svg")).ToHaveCountAsync(0);
        await _page.ScreenshotAsync(new() { Path = ChromiumFixture.Screenshot("admin-insights-empty"), FullPage = true });
    }

    [Fact]
    public async Task TheInsightsTabDrawsTheChartsWithTablesAndThePeriodPickerChangesThePeriod()
    {
        var outcomes = new List<string>();
        foreach (var (question, channel) in new[]
        {
            ("Does dry needling hurt?", "web"), ("Does dry needling hurt?", "sms"), ("how many sessions will I need", "web"),
            ("do you validate parking tickets", "web"), ("what are the side effects", "sms"), ("I can't breathe", "web"),
        })
        {
            outcomes.Add((await AskFullAsync(question, channel)).GetProperty("outcome").GetString()!);
        }

        using (var vote = await _api.PostAsJsonAsync("/api/feedback", new { faqId = "is-it-painful", helpful = false }))
        {
            Assert.Equal(System.Net.HttpStatusCode.Accepted, vote.StatusCode);
        }

        await WaitForReviewQueue(1);
        await SignIn();
        await _page.GetByRole(AriaRole.Button, new() { Name = "Insights" }).ClickAsync();

        var tiles = _page.Locator(".tiles");
        await Assertions.Expect(tiles.Locator(".tile").First).ToContainTextAsync("6");
        await Assertions.Expect(tiles).ToContainTextAsync($"{outcomes.Count(o => o == "answered")}");

        // Each chart is an image with a name and a description, and its figures as a table.
        foreach (var chart in new[] { "chart-days", "chart-rate", "chart-entries", "chart-channels" })
        {
            var image = _page.Locator($"#{chart} svg[role=img]");
            await Assertions.Expect(image).ToBeVisibleAsync();
            Assert.False(string.IsNullOrWhiteSpace(await image.GetAttributeAsync("aria-labelledby")));
            await Assertions.Expect(_page.Locator($"#{chart} details table")).ToHaveCountAsync(1);
        }

        await Assertions.Expect(_page.Locator("#chart-days svg rect")).Not.ToHaveCountAsync(0);
        await Assertions.Expect(_page.Locator("#chart-days-desc")).ToContainTextAsync("6 questions over 30 days");
        await _page.Locator("#chart-channels summary").ClickAsync();
        var channels = _page.Locator("#chart-channels table");
        await Assertions.Expect(channels.Locator("tr").Filter(new() { HasText = "web" })).ToContainTextAsync("4");
        await Assertions.Expect(channels.Locator("tr").Filter(new() { HasText = "sms" })).ToContainTextAsync("2");
        await Assertions.Expect(_page.Locator("#worst-title + table")).ToContainTextAsync("0%");
        await _page.ScreenshotAsync(new() { Path = ChromiumFixture.Screenshot("admin-insights"), FullPage = true });

        // The period picker: 7 days, then a custom single day.
        await _page.GetByLabel("Last 7 days").CheckAsync();
        await Assertions.Expect(_page.Locator("#chart-days-desc")).ToContainTextAsync("over 7 days");
        await Assertions.Expect(_page.Locator("#chart-days details tbody tr")).ToHaveCountAsync(7);
        var today = DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        await _page.GetByLabel("Custom").CheckAsync();
        await _page.GetByLabel("From", new() { Exact = true }).FillAsync(today);
        await _page.GetByLabel("To", new() { Exact = true }).FillAsync(today);
        await _page.GetByRole(AriaRole.Button, new() { Name = "Show" }).ClickAsync();
        await Assertions.Expect(_page.Locator("#chart-days details tbody tr")).ToHaveCountAsync(1);
        await Assertions.Expect(_page.Locator("#chart-days details tbody tr")).ToContainTextAsync(today);

        // A missed group opens in the review queue.
        var missed = _page.Locator("ol.missed li").Filter(new() { HasText = "parking" });
        await missed.GetByRole(AriaRole.Button).ClickAsync();
        await Assertions.Expect(_page.Locator("#tab-unanswered")).ToBeVisibleAsync();
        await Assertions.Expect(_page.Locator("article.group.highlight")).ToContainTextAsync("parking");
        await Assertions.Expect(_page.Locator("article.group.highlight")).ToBeFocusedAsync();
    }

    [Fact]
    public async Task TheEditorWorksWithTheKeyboardAlone()
    {
        await _page.GotoAsync("/staff/");
        await _page.Keyboard.TypeAsync(Key);
        await _page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(_page.Locator("#search")).ToBeFocusedAsync();
        await _page.Keyboard.TypeAsync("cortisone");
        await Assertions.Expect(_page.Locator("#entry-list button")).ToHaveCountAsync(1);
        // Search, "New entry", "Show deleted", then the entry: Tab reaches it like any other control.
        for (var i = 0; i < 6 && !await _page.Locator("#entry-list button").EvaluateAsync<bool>("b => b === document.activeElement"); i++)
        {
            await _page.Keyboard.PressAsync("Tab");
        }

        await Assertions.Expect(_page.Locator("#entry-list button")).ToBeFocusedAsync();
        await _page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(_page.Locator("#f-question")).ToBeFocusedAsync();
        await _page.ScreenshotAsync(new() { Path = ChromiumFixture.Screenshot("admin-keyboard"), FullPage = true });
    }
}
