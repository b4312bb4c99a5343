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
            ["Faq:Clinic:Phone"] = "555-0100",
            ["Faq:Clinic:BookingUrl"] = "https://clinic.example/book",
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
        var next = Log.Locator(".msg.bot").Last;
        await Assertions.Expect(next).ToContainTextAsync("soreness");

        // Later replies carry the disclaimer as a short line that opens the full text.
        await Assertions.Expect(next).ToContainTextAsync("not medical advice");
        await Assertions.Expect(next.Locator(".disclaimer")).ToBeHiddenAsync();
        var more = next.GetByRole(AriaRole.Button, new() { Name = "More" });
        await Assertions.Expect(more).ToHaveAttributeAsync("aria-expanded", "false");
        await more.ClickAsync();
        await Assertions.Expect(next.Locator(".disclaimer")).ToBeVisibleAsync();
        await Assertions.Expect(next.Locator(".disclaimer")).ToContainTextAsync("talk to your physical therapist");
        await Assertions.Expect(next.GetByRole(AriaRole.Button, new() { Name = "Less" })).ToHaveAttributeAsync("aria-expanded", "true");

        // Feedback is asked for on the latest answer only.
        await Assertions.Expect(Log.Locator(".rate")).ToHaveCountAsync(1);
        await Assertions.Expect(next.Locator(".rate")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task RepliesAreLighterAtDesktopWidthAndOnAPhone()
    {
        foreach (var (width, height) in new[] { (1280, 800), (320, 640) })
        {
            await NewContext(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = width, Height = height } });
            await OpenAndAsk("does it hurt?");
            await Assertions.Expect(Log.Locator(".msg.bot").Last).ToContainTextAsync("less painful");
            await Input.FillAsync("how many sessions will I need");
            await Input.PressAsync("Enter");
            await Assertions.Expect(Log.Locator(".msg.bot").Last).ToContainTextAsync("two to four");

            // The title stays on one line, whole, beside its two buttons, and every control is at least 24 × 24 px.
            var header = await _page.EvaluateAsync<JsonElement>("""
                () => {
                  const root = document.querySelector('faq-chat-widget').shadowRoot;
                  const h2 = root.querySelector('header h2');
                  const small = [...root.querySelectorAll('.panel button, .panel a.action, .launcher')]
                    .filter(b => b.offsetParent !== null)
                    .map(b => b.getBoundingClientRect())
                    .filter(r => r.width < 24 || r.height < 24).length;
                  return { truncated: h2.scrollWidth > h2.clientWidth, lineHeight: h2.getBoundingClientRect().height, small };
                }
                """);
            Assert.False(header.GetProperty("truncated").GetBoolean(), $"{width}px: the title is cut");
            Assert.True(header.GetProperty("lineHeight").GetDouble() < 30, $"{width}px: the title wraps");
            Assert.Equal(0, header.GetProperty("small").GetInt32());
            await _page.ScreenshotAsync(new() { Path = ChromiumFixture.Screenshot($"widget-lighter-{width}") });
        }
    }

    [Fact]
    public async Task ANewReplyIsShownFromItsStartAndEarlierMessagesAreNotRebuilt()
    {
        await NewContext(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 320, Height = 640 } });
        await OpenAndAsk("What is plantar fasciitis?");
        await Assertions.Expect(Log.Locator(".msg.bot").Last).ToContainTextAsync("plantar fascia");
        await Log.Locator(".msg.bot").Last.EvaluateAsync("m => { m.__seen = true; }");

        // The follow-up is read with the previous topic (same session), and its long reply is shown from the top.
        await Input.FillAsync("can dry needling help with it?");
        await Input.PressAsync("Enter");
        await Assertions.Expect(Log.Locator(".msg.bot").Last).ToContainTextAsync("gastrocnemius");
        var seen = await Log.Locator(".msg.bot").Nth(1).EvaluateAsync<bool>("m => m.__seen === true");
        Assert.True(seen, "the earlier reply was rebuilt, so a screen reader would hear it again");
        var position = await Log.EvaluateAsync<JsonElement>("""
            log => { const r = [...log.querySelectorAll('.msg.bot')].at(-1);
                     return { top: r.offsetTop, height: r.offsetHeight, scroll: log.scrollTop, view: log.clientHeight, max: log.scrollHeight - log.clientHeight }; }
            """);
        var top = position.GetProperty("top").GetDouble();
        var scroll = position.GetProperty("scroll").GetDouble();
        Assert.True(position.GetProperty("height").GetDouble() > position.GetProperty("view").GetDouble() * 0.5, position.ToString());
        Assert.True(top >= scroll && top < scroll + 40, $"the reply starts at {top}, the log shows from {scroll}");
        await _page.ScreenshotAsync(new() { Path = ChromiumFixture.Screenshot("widget-320-follow-up-from-start") });
    }

    [Fact]
    public async Task AFallbackOffersTheClinicsContactActionsAndSoDoesNotHelpful()
    {
        await OpenAndAsk("What is the capital of France?");
        var fallback = Log.Locator(".msg.bot").Last;
        await Assertions.Expect(fallback.GetByRole(AriaRole.Link, new() { Name = "Call 555-0100" })).ToHaveAttributeAsync("href", "tel:5550100");
        await Assertions.Expect(fallback.GetByRole(AriaRole.Link, new() { Name = "Book online" })).ToHaveAttributeAsync("href", "https://clinic.example/book");
        await Assertions.Expect(fallback.Locator(".rate")).ToHaveCountAsync(0);

        await Input.FillAsync("does it hurt?");
        await Input.PressAsync("Enter");
        var answer = Log.Locator(".msg.bot").Last;
        await Assertions.Expect(answer).ToContainTextAsync("less painful");
        await Assertions.Expect(answer.Locator("a.action")).ToHaveCountAsync(0);
        await answer.GetByRole(AriaRole.Button, new() { Name = "No", Exact = true }).ClickAsync();
        await Assertions.Expect(answer.GetByRole(AriaRole.Link, new() { Name = "Call 555-0100" })).ToBeVisibleAsync();
        await _page.ScreenshotAsync(new() { Path = ChromiumFixture.Screenshot("widget-not-helpful-contact") });
    }

    [Fact]
    public async Task FocusIsCalmAndVisibleAndMotionIsReducedWhenAsked()
    {
        await NewContext(new BrowserNewContextOptions { ReducedMotion = ReducedMotion.Reduce });
        await _page.GotoAsync(ClinicOrigin + "/");
        await Launcher.ClickAsync();
        await Assertions.Expect(Input).ToBeFocusedAsync();
        var outline = await Input.EvaluateAsync<string>("i => { const s = getComputedStyle(i); return s.outlineStyle + ' ' + s.outlineColor; }");
        Assert.Equal("solid rgb(0, 105, 92)", outline);

        await _page.RouteAsync("**/api/ask", async route => { await Task.Delay(1500); await route.ContinueAsync(); });
        await Input.FillAsync("does it hurt?");
        await Input.PressAsync("Enter");
        var typing = _page.Locator("faq-chat-widget .typing span").First;
        await Assertions.Expect(typing).ToBeAttachedAsync();
        Assert.Equal("none", await typing.EvaluateAsync<string>("s => getComputedStyle(s).animationName"));
        await Assertions.Expect(Log.Locator(".msg.bot").Last).ToContainTextAsync("less painful");

        await _page.GetByRole(AriaRole.Button, new() { Name = "Close chat" }).ClickAsync();
        await Assertions.Expect(Launcher).ToBeFocusedAsync();
    }

    [Fact]
    public async Task OnAPhoneTheLauncherDoesNotCoverTheDemoPagesFooter()
    {
        await NewContext(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 320, Height = 640 }, IsMobile = true, HasTouch = true });
        await _page.GotoAsync(_clinic.AppBase + "/");
        await _page.EvaluateAsync("() => window.scrollTo(0, document.body.scrollHeight)");
        var footer = await _page.Locator("footer").EvaluateAsync<JsonElement>("""
            f => { const range = document.createRange(); range.selectNodeContents(f); const r = range.getBoundingClientRect();
                   return { top: r.top, bottom: r.bottom, left: r.left, right: r.right }; }
            """);
        var launcher = (await Launcher.BoundingBoxAsync())!;
        var overlaps = launcher.X < footer.GetProperty("right").GetDouble() && launcher.X + launcher.Width > footer.GetProperty("left").GetDouble()
            && launcher.Y < footer.GetProperty("bottom").GetDouble() && launcher.Y + launcher.Height > footer.GetProperty("top").GetDouble();
        Assert.False(overlaps, $"launcher {launcher.X},{launcher.Y} {launcher.Width}×{launcher.Height} covers the footer text {footer}");
        await _page.ScreenshotAsync(new() { Path = ChromiumFixture.Screenshot("demo-320-footer") });
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
        await Assertions.Expect(alert.Locator("a[href='tel:5550100']").First).ToBeVisibleAsync();
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
        await Log.Locator(".msg.bot").Last.GetByRole(AriaRole.Button, new() { Name = "Yes", Exact = true }).ClickAsync();
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
