using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Faq.Api.Tests;

/// <summary>Patients who write in Spanish: the reply's language, its texts, the hint and its validation.</summary>
public sealed class LanguageTests : IClassFixture<FaqApiFactory>
{
    private readonly HttpClient _client;

    public LanguageTests(FaqApiFactory factory)
    {
        factory.StartServer();
        _client = factory.CreateClient();
    }

    private async Task<JsonElement> AskOk(object body)
    {
        using var response = await _client.PostAsJsonAsync("/api/ask", body);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    [Fact]
    public async Task ASpanishQuestionIsAnsweredInSpanishWithTheSpanishDisclaimer()
    {
        var body = await AskOk(new { question = "¿duele la punción seca?" });

        Assert.Equal("answered", body.GetProperty("outcome").GetString());
        Assert.Equal("is-it-painful", body.GetProperty("faqId").GetString());
        Assert.Equal("es", body.GetProperty("language").GetString());
        Assert.StartsWith("Esta es información general", body.GetProperty("disclaimer").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain("dry needling", body.GetProperty("answer").GetString(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task AnEnglishQuestionSaysItsReplyIsEnglish()
    {
        var body = await AskOk(new { question = "Does dry needling hurt?" });
        Assert.Equal("en", body.GetProperty("language").GetString());
        Assert.StartsWith("This is general information", body.GetProperty("disclaimer").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("siento una presión fuerte en el pecho", "chest-cardiac", "911")]
    [InlineData("ya no quiero vivir", "self-harm", "envíe un mensaje al 988")]
    public async Task ASpanishEmergencyGetsTheUrgentReplyInSpanish(string question, string category, string expected)
    {
        var body = await AskOk(new { question });
        Assert.Equal("urgent", body.GetProperty("outcome").GetString());
        Assert.Equal(category, body.GetProperty("category").GetString());
        Assert.Equal("es", body.GetProperty("language").GetString());
        Assert.Contains(expected, body.GetProperty("answer").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheHintDecidesAMessageThatDoesNotTellItsLanguage()
    {
        var hinted = await AskOk(new { question = "ok", language = "es-MX" });
        var unhinted = await AskOk(new { question = "ok" });
        Assert.Equal("es", hinted.GetProperty("language").GetString());
        Assert.Equal("en", unhinted.GetProperty("language").GetString());
    }

    [Fact]
    public async Task AnUnsupportedLanguageIsAFieldError()
    {
        using var response = await _client.PostAsJsonAsync("/api/ask", new { question = "Does it hurt?", language = "fr" });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty("language", out _));
    }

    [Fact]
    public async Task TheFaqListComesInSpanishOnRequest()
    {
        var spanish = await _client.GetFromJsonAsync<JsonElement>("/api/faqs?language=es");
        Assert.Contains(spanish.EnumerateArray(), f => f.GetProperty("question").GetString() == "¿Duele la punción seca?");
        using var bad = await _client.GetAsync("/api/faqs?language=xx");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }
}
