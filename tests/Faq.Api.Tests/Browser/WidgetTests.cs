using System.Net.Http.Json;
using System.Text.Json;
using Faq.Tests;
using Microsoft.Playwright;

namespace Faq.Api.Tests.Browser;

/// <summary>
/// A patient using the widget on a clinic's website: the page comes from the clinic's own server (another origin),
/// the widget and API from the app on Kestrel, so the widget runs cross-origin and CORS is exercised for real.
/// </summary>
[Collection(ChromiumCollection.Name)]
public sealed class WidgetTests(ChromiumFixture chromium) : IAsyncLifetime
{
    private ClinicSite _clinic = null!;
    private FaqApiFactory _factory = null!;
    private HttpClient _api = null!;
    private IBrowserContext _context = null!;
    private IPage _page = null!;

    private string ClinicOrigin => _clinic.Origin;

    public async Task InitializeAsync()
    {
        _clinic = await ClinicSite.StartAsync();
        _factory = new FaqApiFactory(new()
        {
            ["Faq:Widget:AllowedOrigins:0"] = _clinic.Origin,
            ["Faq:Admin:Keys:0:Name"] = "staff",
            ["Faq:Admin:Keys:0:Key"] = "widget-test-key-0123456789",
        });
        _factory.StartServer();
        _api = _factory.CreateClient();
        _clinic.AppBase = _api.BaseAddress!.ToString().TrimEnd('/');
        await NewContext(new BrowserNewContextOptions());
    }

    public async Task DisposeAsync()
    {
        await _context.DisposeAsync();
        _api.Dispose();
        _factory.Dispose();
        await _clinic.DisposeAsync();
    }

    private async Task NewContext(BrowserNewContextOptions options)
    {
        if (_context is not null)
        {
            await _context.DisposeAsync();
        }

        _context = await chromium.Browser.NewContextAsync(options);
        _page = await _context.NewPageAsync();
    }

    private ILocator Launcher => _page.GetByRole(AriaRole.Button, new() { Name = "Questions about dry needling?" });

    private ILocator Input => _page.GetByRole(AriaRole.Textbox, new() { Name = "Your question" });

    private ILocator Log => _page.GetByRole(AriaRole.Log);

    private async Task OpenAndAsk(string question)
    {
        await _page.GotoAsync(ClinicOrigin + "/");
        await Launcher.ClickAsync();
        await Input.FillAsync(question);
        await Input.PressAsync("Enter");
    }

    [Fact]
    public async Task APatientAsksAndReadsTheAnswerWithItsDisclaimerThenFollowsASuggestion()
    {
        await OpenAndAsk("does it hurt?");
        var answer = Log.Locator(".msg.bot").Last;
        await Assertions.Expect(answer).ToContainTextAsync("less painful than they expect");
        await Assertions.Expect(answer.Locator(".disclaimer")).ToContainTextAsync("not medical advice");
        await _page.ScreenshotAsync(new() { Path = ChromiumFixture.Screenshot("widget-answer") });

        await answer.GetByRole(AriaRole.Button, new() { Name = "What are the side effects of dry needling?" }).ClickAsync();
        await Assertions.Expect(Log.Locator(".msg.bot").Last).ToContainTextAsync("soreness");
        await Assertions.Expect(Log.Locator(".msg.bot").Last.Locator(".disclaimer")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task TheGreetingOffersFeaturedQuestions()
    {
        await _page.GotoAsync(ClinicOrigin + "/");
        await Launcher.ClickAsync();
        var greeting = Log.Locator(".msg.bot").First;
        await Assertions.Expect(greeting).ToContainTextAsync("can't give medical advice");
        await Assertions.Expect(greeting.GetByRole(AriaRole.Button).First).ToHaveTextAsync("Does dry needling hurt?");
    }

    [Fact]
    public async Task AnUrgentMessageShowsTheAlertWithTheEmergencyNumberFirst()
    {
        await OpenAndAsk("I can't breathe after my session");
        var alert = Log.GetByRole(AriaRole.Alert);
        await Assertions.Expect(alert).ToContainTextAsync("Seek care now");
        await Assertions.Expect(alert.Locator("a[href='tel:911']")).ToBeVisibleAsync();
        await Assertions.Expect(alert.Locator("a[href='tel:5550100']")).ToBeVisibleAsync();
        await Assertions.Expect(alert.Locator(".disclaimer")).ToBeVisibleAsync();
        await _page.ScreenshotAsync(new() { Path = ChromiumFixture.Screenshot("widget-urgent") });
    }

    [Fact]
    public async Task EverythingWorksWithTheKeyboardAlone()
    {
        await _page.GotoAsync(ClinicOrigin + "/");
        await Assertions.Expect(Launcher).ToBeVisibleAsync();
        for (var i = 0; i < 5 && !await Launcher.EvaluateAsync<bool>("b => b.getRootNode().activeElement === b"); i++)
        {
            await _page.Keyboard.PressAsync("Tab");
        }

        await _page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(Input).ToBeFocusedAsync();
        await _page.Keyboard.TypeAsync("how many sessions will I need");
        await _page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(Log.Locator(".msg.bot").Last).ToContainTextAsync("two to four");

        var chip = Log.Locator(".msg.bot").Last.Locator(".chip").First;
        await chip.FocusAsync();
        await _page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(Log.Locator(".msg.user")).ToHaveCountAsync(2);

        await _page.Keyboard.PressAsync("Escape");
        await Assertions.Expect(Launcher).ToBeFocusedAsync();
        await Assertions.Expect(Launcher).ToHaveAttributeAsync("aria-expanded", "false");
    }

    [Fact]
    public async Task MarkupInAnAnswerIsShownAsTextNeverRun()
    {
        using (var staff = _factory.CreateClient())
        {
            staff.DefaultRequestHeaders.Add("X-Api-Key", "widget-test-key-0123456789");
            using var created = await staff.PostAsJsonAsync("/api/admin/entries", new
            {
                id = "markup-test",
                question = "What does the markup test show?",
                answer = "Here: <img src=x onerror=\"window.__xss = 1\"> <script>window.__xss = 2</script> and https://example.org/info.",
            });
            created.EnsureSuccessStatusCode();
        }

        await OpenAndAsk("What does the markup test show?");
        var answer = Log.Locator(".msg.bot").Last;
        await Assertions.Expect(answer).ToContainTextAsync("<img src=x onerror=");
        Assert.Equal(0, await answer.Locator("img, script").CountAsync());
        Assert.True(await _page.EvaluateAsync<bool>("() => window.__xss === undefined"));
        var link = answer.Locator("a[href='https://example.org/info']");
        await Assertions.Expect(link).ToHaveAttributeAsync("rel", "noopener noreferrer");
    }

    [Fact]
    public async Task TheHostPagesAggressiveCssDoesNotRestyleTheWidget()
    {
        await _page.GotoAsync(ClinicOrigin + "/aggressive");
        await Assertions.Expect(Launcher).ToBeVisibleAsync();
        Assert.Equal("rgb(255, 255, 255)", await Launcher.EvaluateAsync<string>("b => getComputedStyle(b).color"));
        Assert.Equal("rgb(0, 105, 92)", await Launcher.EvaluateAsync<string>("b => getComputedStyle(b).backgroundColor"));
        await Launcher.ClickAsync();
        await Input.FillAsync("does it hurt?");
        await Input.PressAsync("Enter");
        await Assertions.Expect(Log.Locator(".msg.bot").Last).ToContainTextAsync("less painful");
        Assert.Equal("15px", await Input.EvaluateAsync<string>("i => getComputedStyle(i).fontSize"));
        await _page.ScreenshotAsync(new() { Path = ChromiumFixture.Screenshot("widget-aggressive-css") });
    }

    [Fact]
    public async Task WhenTheServerIsUnavailableTheQuestionIsKeptAndCanBeRetried()
    {
        await _page.RouteAsync("**/api/ask", route => route.FulfillAsync(new() { Status = 503, ContentType = "application/problem+json", Body = "{\"status\":503}" }));
        await OpenAndAsk("does it hurt?");
        var error = Log.GetByRole(AriaRole.Alert);
        await Assertions.Expect(error).ToContainTextAsync("briefly unavailable");
        await Assertions.Expect(Input).ToHaveValueAsync("does it hurt?");
        await Assertions.Expect(Log).Not.ToContainTextAsync("{");
        await _page.ScreenshotAsync(new() { Path = ChromiumFixture.Screenshot("widget-503") });

        await _page.UnrouteAsync("**/api/ask");
        await _page.RouteAsync("**/api/ask", route => route.AbortAsync("internetdisconnected"));
        await error.GetByRole(AriaRole.Button, new() { Name = "Try again" }).ClickAsync();
        await Assertions.Expect(Log.GetByRole(AriaRole.Alert)).ToContainTextAsync("couldn't reach");

        await _page.UnrouteAsync("**/api/ask");
        await Log.GetByRole(AriaRole.Alert).GetByRole(AriaRole.Button, new() { Name = "Try again" }).ClickAsync();
        await Assertions.Expect(Log.Locator(".msg.bot").Last).ToContainTextAsync("less painful");
        await Assertions.Expect(Input).ToHaveValueAsync(string.Empty);
    }

    [Fact]
    public async Task TheConversationSurvivesNavigationAndCanBeStartedOver()
    {
        await OpenAndAsk("does it hurt?");
        await Assertions.Expect(Log.Locator(".msg.bot").Last).ToContainTextAsync("less painful");
        await _page.GotoAsync(ClinicOrigin + "/other");
        await Assertions.Expect(Log.Locator(".msg.user")).ToHaveTextAsync(["You: does it hurt?"]);

        await _page.GetByRole(AriaRole.Button, new() { Name = "Start over" }).ClickAsync();
        await Assertions.Expect(Log.Locator(".msg.user")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task ThumbsUpIsRecordedForTheAnswer()
    {
        await OpenAndAsk("does it hurt?");
        await Log.Locator(".msg.bot").Last.GetByRole(AriaRole.Button, new() { Name = "Helpful", Exact = true }).ClickAsync();
        await Assertions.Expect(Log.Locator(".msg.bot").Last).ToContainTextAsync("Thanks for the feedback");

        using var staff = _factory.CreateClient();
        staff.DefaultRequestHeaders.Add("X-Api-Key", "widget-test-key-0123456789");
        long helpful = 0;
        await Polling.Eventually(
            async () =>
            {
                var counts = await staff.GetFromJsonAsync<JsonElement>("/api/admin/feedback");
                helpful = counts.EnumerateArray().Single(c => c.GetProperty("faqId").GetString() == "is-it-painful").GetProperty("helpful").GetInt64();
                return helpful != 0;
            },
            "the vote is counted",
            TimeSpan.FromSeconds(5));
        Assert.Equal(1, helpful);
    }

    [Fact]
    public async Task OnAPhoneTheClosedWidgetIsASmallButtonAndTheOpenChatFitsThreeHundredTwentyPixels()
    {
        await NewContext(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 320, Height = 640 }, IsMobile = true, HasTouch = true });
        await _page.GotoAsync(ClinicOrigin + "/");
        var box = await Launcher.BoundingBoxAsync();
        Assert.NotNull(box);
        Assert.True(box.Width <= 64 && box.Height <= 64, $"launcher is {box.Width}×{box.Height}");
        await _page.ScreenshotAsync(new() { Path = ChromiumFixture.Screenshot("widget-320-closed") });

        await Launcher.ClickAsync();
        await Input.FillAsync("can I run after dry needling");
        await Input.PressAsync("Enter");
        await Assertions.Expect(Log.Locator(".msg.bot").Last).ToContainTextAsync("run");
        var scrollWidth = await _page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        Assert.True(scrollWidth <= 320, $"page scrolls sideways: {scrollWidth}px");
        await _page.ScreenshotAsync(new() { Path = ChromiumFixture.Screenshot("widget-320-open") });
    }

    [Fact]
    public async Task AtTwoHundredPercentTextTheChatStillWorks()
    {
        await NewContext(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 640, Height = 800 }, DeviceScaleFactor = 2 });
        await _page.GotoAsync(ClinicOrigin + "/");
        await _page.EvaluateAsync("() => { document.documentElement.style.zoom = '2'; }");
        await Launcher.ClickAsync();
        await Input.FillAsync("does it hurt?");
        await Input.PressAsync("Enter");
        await Assertions.Expect(Log.Locator(".msg.bot").Last.Locator(".disclaimer")).ToBeVisibleAsync();
        await _page.ScreenshotAsync(new() { Path = ChromiumFixture.Screenshot("widget-zoom-200") });
    }
}
