using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

using Microsoft.Extensions.Options;

namespace Faq.Api.Tests;

public sealed class WidgetServingTests
{
    private static FaqApiFactory Factory() => new(new()
    {
        ["Faq:Widget:AllowedOrigins:0"] = "https://clinic.example",
        ["Faq:Widget:FeaturedQuestions:0"] = "booking",
        ["Faq:Widget:FeaturedQuestions:1"] = "is-it-painful",
    });

    [Fact]
    public async Task TheWidgetScriptIsServedAsJavaScriptWithCachingHeaders()
    {
        using var factory = Factory();
        factory.StartServer();
        using var client = factory.CreateClient();
        using var response = await client.GetAsync("/widget/faq-widget.js");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/javascript", response.Content.Headers.ContentType?.MediaType);
        Assert.True(response.Headers.CacheControl?.Public);
        Assert.Equal(TimeSpan.FromHours(1), response.Headers.CacheControl?.MaxAge);
        Assert.NotNull(response.Headers.ETag);
        Assert.Contains("nosniff", response.Headers.GetValues("X-Content-Type-Options"));

        using var again = new HttpRequestMessage(HttpMethod.Get, "/widget/faq-widget.js");
        again.Headers.IfNoneMatch.Add(response.Headers.ETag!);
        using var notModified = await client.SendAsync(again);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
    }

    [Theory]
    [InlineData("https://clinic.example", true)]
    [InlineData("https://evil.example", false)]
    [InlineData("http://clinic.example", false)]
    public async Task OnlyConfiguredClinicOriginsMayCallTheApiFromTheBrowser(string origin, bool allowed)
    {
        using var factory = Factory();
        factory.StartServer();
        using var client = factory.CreateClient();
        using var preflight = new HttpRequestMessage(HttpMethod.Options, "/api/ask");
        preflight.Headers.Add("Origin", origin);
        preflight.Headers.Add("Access-Control-Request-Method", "POST");
        preflight.Headers.Add("Access-Control-Request-Headers", "content-type");
        using var response = await client.SendAsync(preflight);
        Assert.Equal(allowed, response.Headers.TryGetValues("Access-Control-Allow-Origin", out var values) && values.Single() == origin);

        using var ask = new HttpRequestMessage(HttpMethod.Post, "/api/ask") { Content = JsonContent.Create(new { question = "does it hurt?" }) };
        ask.Headers.Add("Origin", origin);
        using var answer = await client.SendAsync(ask);
        Assert.Equal(allowed, answer.Headers.Contains("Access-Control-Allow-Origin"));
        Assert.False(answer.Headers.Contains("Access-Control-Allow-Credentials"));
    }

    [Fact]
    public async Task FaqsListsTheFeaturedQuestionsFirst()
    {
        using var factory = Factory();
        factory.StartServer();
        using var client = factory.CreateClient();
        var list = await client.GetFromJsonAsync<JsonElement>("/api/faqs");
        Assert.Equal(["booking", "is-it-painful"], list.EnumerateArray().Take(2).Select(e => e.GetProperty("faqId").GetString()));
    }

    [Fact]
    public void AMalformedAllowedOriginFailsStartUp()
    {
        var error = FaqApiFactory.StartupFailure<Microsoft.Extensions.Options.OptionsValidationException>(new() { ["Faq:Widget:AllowedOrigins:0"] = "clinic.example/path" });
        Assert.Contains("Faq:Widget:AllowedOrigins", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheHomePageIsADemoClinicEmbeddingTheWidgetLikeARealSite()
    {
        using var factory = Factory();
        factory.StartServer();
        using var client = factory.CreateClient();
        var html = await client.GetStringAsync("/");
        Assert.Contains("<script src=\"/widget/faq-widget.js\" data-endpoint=\"/api\"", html, StringComparison.Ordinal);
    }
}
