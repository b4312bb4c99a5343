using System.Text.Json;
using Faq.Tests;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Faq.Api.Tests.Browser;

/// <summary>
/// axe-core (npm, pinned in tests/tools and installed by .ci/test.sh) run in Chromium on the demo page in every state
/// of the widget and on the staff page signed in, tab by tab: no WCAG 2.2 AA violation anywhere.
/// </summary>
[Collection(ChromiumCollection.Name)]
public sealed class AccessibilityTests(ChromiumFixture chromium, ITestOutputHelper output) : IAsyncLifetime
{
    private const string Key = "axe-test-key-0123456789";
    private static readonly string AxeScript = Repository.PathOf("tests", "tools", "node_modules", "axe-core", "axe.min.js");
    private FaqApiFactory _factory = null!;
    private HttpClient _api = null!;
    private IBrowserContext _context = null!;
    private IPage _page = null!;

    public async Task InitializeAsync()
    {
        if (!File.Exists(AxeScript))
        {
            throw new InvalidOperationException($"axe-core is not installed at {AxeScript}. Run the tests with `bash .ci/test.sh`, which installs the pinned test tools.");
        }

        _factory = new FaqApiFactory(new()
        {
            ["Faq:Admin:Keys:0:Name"] = "dana",
            ["Faq:Admin:Keys:0:Key"] = Key,
            ["Faq:Clinic:Phone"] = "555-0100",
            ["Faq:Clinic:BookingUrl"] = "https://clinic.example/book",
        });
        _factory.StartServer();
        _api = _factory.CreateClient();
        _context = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = _api.BaseAddress!.ToString() });
        _page = await _context.NewPageAsync();
    }

    public async Task DisposeAsync()
    {
        await _context.DisposeAsync();
        _api.Dispose();
        _factory.Dispose();
    }

    /// <summary>Runs axe on the page as it is now (open shadow roots included) and fails with every violation found.</summary>
    private async Task AssertNoViolations(string state)
    {
        if (!await _page.EvaluateAsync<bool>("() => typeof window.axe !== 'undefined'"))
        {
            await _page.AddScriptTagAsync(new() { Path = AxeScript });
        }

        // The WCAG 2.0–2.2 A and AA rules, plus label-content-name-mismatch (axe marks it experimental, so it runs only
        // when asked): a control's accessible name must contain its visible text (WCAG 2.5.3).
        var result = await _page.EvaluateAsync<JsonElement>("""
            async () => {
              const r = await axe.run(document, {
                runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
                rules: { 'label-content-name-mismatch': { enabled: true } },
              });
              return { passes: r.passes.length, violations: r.violations.map(v => ({ id: v.id, impact: v.impact, help: v.help,
                nodes: v.nodes.map(n => n.target.join(' ') + ': ' + n.failureSummary) })) };
            }
            """);
        var violations = result.GetProperty("violations");
        output.WriteLine($"{state}: {result.GetProperty("passes").GetInt32()} rules passed, {violations.GetArrayLength()} violated");
        Assert.True(violations.GetArrayLength() == 0, $"{state}: {violations}");
        await _page.ScreenshotAsync(new() { Path = ChromiumFixture.Screenshot("axe-" + state) });
    }

    private ILocator Log => _page.GetByRole(AriaRole.Log);

    private async Task Ask(string question, string outcome)
    {
        var count = await Log.Locator(".msg.bot").CountAsync();
        await _page.GetByRole(AriaRole.Textbox, new() { Name = "Your question" }).FillAsync(question);
        await _page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(Log.Locator(".msg.bot")).ToHaveCountAsync(count + 1);
        Assert.Equal(outcome, await _page.EvaluateAsync<string>("() => JSON.parse(sessionStorage.getItem(Object.keys(sessionStorage)[0])).messages.at(-1).kind"));
    }

    [Fact]
    public async Task TheDemoPageAndTheWidgetInEveryStateHaveNoViolations()
    {
        await _page.GotoAsync("/");
        var launcher = _page.GetByRole(AriaRole.Button, new() { Name = "Questions about dry needling?" });
        await Assertions.Expect(launcher).ToBeVisibleAsync();
        await AssertNoViolations("closed");

        await launcher.ClickAsync();
        await Assertions.Expect(Log.Locator(".chip").First).ToBeVisibleAsync();
        await AssertNoViolations("open");

        await Ask("does dry needling hurt?", "answered");
        await AssertNoViolations("answered");

        // A clarify reply, as the API sends one, so this state does not hang on which questions happen to be close today.
        await _page.RouteAsync("**/api/ask", route => route.FulfillAsync(new()
        {
            Status = 200,
            ContentType = "application/json",
            Body = """
                {"outcome":"clarify","answer":"I want to be sure I answer the right question. Did you mean one of these?","faqId":null,"confidence":0.5,
                 "suggestions":[{"faqId":"time-to-relief","question":"How soon will I feel better after dry needling?"},{"faqId":"exercise-after","question":"When can I run or exercise again after dry needling?"}],
                 "disclaimer":"This is general information, not medical advice.","category":null,"sessionId":null,
                 "contact":[{"kind":"call","label":"Call 555-0100","href":"tel:5550100"},{"kind":"book","label":"Book online","href":"https://clinic.example/book"}]}
                """,
        }));
        await Ask("after my session", "clarify");
        await _page.UnrouteAsync("**/api/ask");
        await AssertNoViolations("clarify");

        await Ask("What is the capital of France?", "fallback");
        await Assertions.Expect(Log.Locator(".msg.bot").Last.GetByRole(AriaRole.Link, new() { Name = "Call 555-0100" })).ToBeVisibleAsync();
        await AssertNoViolations("fallback");

        await Ask("I can't breathe after my session", "urgent");
        await AssertNoViolations("urgent");
    }

    [Fact]
    public async Task TheStaffPageSignedInHasNoViolationsOnAnyTab()
    {
        await _page.GotoAsync("/staff/");
        await AssertNoViolations("staff-sign-in");
        await _page.GetByLabel("Admin key").FillAsync(Key);
        await _page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(_page.GetByRole(AriaRole.Button, new() { Name = "New entry" })).ToBeVisibleAsync();

        var tabs = _page.Locator("nav[aria-label=Sections] .tab");
        var count = await tabs.CountAsync();
        Assert.True(count >= 4, $"{count} tabs");
        for (var i = 0; i < count; i++)
        {
            var tab = tabs.Nth(i);
            var name = (await tab.GetAttributeAsync("data-tab"))!;
            await tab.ClickAsync();
            await Assertions.Expect(_page.Locator("#tab-" + name)).ToBeVisibleAsync();
            await _page.WaitForLoadStateAsync(LoadState.NetworkIdle);
            await AssertNoViolations("staff-" + name);
        }
    }
}
