using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Faq.Api.Tests;

public sealed class AskEndpointTests : IClassFixture<FaqApiFactory>
{
    private readonly HttpClient _client;

    public AskEndpointTests(FaqApiFactory factory)
    {
        factory.StartServer();
        _client = factory.CreateClient();
    }

    private async Task<JsonElement> AskOk(object body)
    {
        using var response = await _client.PostAsJsonAsync("/api/ask", body);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    [Theory]
    [InlineData("my face is swelling up and I'm covered in hives", "anaphylaxis", "911")]
    [InlineData("there's blood when I cough", "blood-cough-vomit", "911")]
    [InlineData("I swallowed all my sleeping tablets", "self-harm", "988")]
    [InlineData("my heart keeps skipping beats and I nearly blacked out", "chest-cardiac", "911")]
    public async Task AnUrgentReplyNamesItsRedFlagCategoryAndTheRightNumber(string question, string category, string number)
    {
        var body = await AskOk(new { question });

        Assert.Equal("urgent", body.GetProperty("outcome").GetString());
        Assert.Equal(category, body.GetProperty("category").GetString());
        Assert.Contains(number, body.GetProperty("answer").GetString(), StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Null, body.GetProperty("faqId").ValueKind);
        Assert.False(string.IsNullOrWhiteSpace(body.GetProperty("disclaimer").GetString()));
    }

    [Theory]
    [InlineData("I had a heart attack back in 2015, can I still have dry needling?")]
    [InlineData("Does dry needling hurt?")]
    public async Task AReplyThatIsNotUrgentHasNoCategory(string question)
    {
        var body = await AskOk(new { question });
        Assert.NotEqual("urgent", body.GetProperty("outcome").GetString());
        Assert.Equal(JsonValueKind.Null, body.GetProperty("category").ValueKind);
    }

    [Fact]
    public async Task AskingAClearQuestionAnswersWithTheEntryAndTheFullContract()
    {
        var body = await AskOk(new { question = "Does dry needling hurt?", sessionId = "s-1", channel = "web" });

        Assert.Equal("answered", body.GetProperty("outcome").GetString());
        Assert.Equal("is-it-painful", body.GetProperty("faqId").GetString());
        Assert.InRange(body.GetProperty("confidence").GetDouble(), 0.5, 1.0);
        Assert.StartsWith("Most people find it less painful", body.GetProperty("answer").GetString(), StringComparison.Ordinal);
        Assert.False(string.IsNullOrWhiteSpace(body.GetProperty("disclaimer").GetString()));
        Assert.Equal("s-1", body.GetProperty("sessionId").GetString());
        var suggestion = body.GetProperty("suggestions")[0];
        Assert.Equal("side-effects", suggestion.GetProperty("faqId").GetString());
        Assert.False(string.IsNullOrWhiteSpace(suggestion.GetProperty("question").GetString()));
    }

    [Fact]
    public async Task AGreetingOffersTheFeaturedQuestions()
    {
        var body = await AskOk(new { question = "Hi there!" });
        Assert.Equal("smalltalk", body.GetProperty("outcome").GetString());
        Assert.Equal(
            Answering.FeaturedQuestionsOptions.Default.Take(3),
            body.GetProperty("suggestions").EnumerateArray().Select(s => s.GetProperty("faqId").GetString()));
    }

    [Fact]
    public async Task ThanksIsNotAnsweredWithTheGreeting()
    {
        var body = await AskOk(new { question = "thanks!" });
        Assert.Equal("smalltalk", body.GetProperty("outcome").GetString());
        Assert.DoesNotContain("Hi!", body.GetProperty("answer").GetString(), StringComparison.Ordinal);
        Assert.Equal(1, body.GetProperty("confidence").GetDouble());
        Assert.Equal(0, body.GetProperty("suggestions").GetArrayLength());
    }

    [Fact]
    public async Task AFollowUpInTheSameSessionIsAnsweredWithThePreviousTopic()
    {
        var session = Guid.NewGuid().ToString("N");
        Assert.Equal("plantar-fasciitis-causes", (await AskOk(new { question = "What is plantar fasciitis?", sessionId = session })).GetProperty("faqId").GetString());
        Assert.Equal("plantar-fasciitis", (await AskOk(new { question = "can dry needling help with it?", sessionId = session })).GetProperty("faqId").GetString());
        Assert.NotEqual("plantar-fasciitis", (await AskOk(new { question = "can dry needling help with it?" })).GetProperty("faqId").GetString());
        Assert.NotEqual("plantar-fasciitis", (await AskOk(new { question = "can dry needling help with it?", sessionId = Guid.NewGuid().ToString("N") })).GetProperty("faqId").GetString());
    }

    [Fact]
    public async Task WithoutContactDetailsConfiguredRepliesOfferNoContactActions()
    {
        var body = await AskOk(new { question = "What is the capital of France?" });
        Assert.Equal(0, body.GetProperty("contact").GetArrayLength());
    }

    [Theory]
    [InlineData("Does dry needling hurt?", "answered")]
    [InlineData("What is the capital of France?", "fallback")]
    [InlineData("I have chest pain and can't breathe", "urgent")]
    public async Task EveryOutcomeCarriesADisclaimerAndFaqIdOnlyWhenAnswered(string question, string outcome)
    {
        var body = await AskOk(new { question });
        Assert.Equal(outcome, body.GetProperty("outcome").GetString());
        Assert.False(string.IsNullOrWhiteSpace(body.GetProperty("disclaimer").GetString()));
        Assert.False(string.IsNullOrWhiteSpace(body.GetProperty("answer").GetString()));
        Assert.Equal(outcome == "answered", body.GetProperty("faqId").ValueKind == JsonValueKind.String);
    }

    [Fact]
    public async Task UrgentRepliesTellThePatientToSeekCareNow()
    {
        var body = await AskOk(new { question = "my calf is swollen red and hot after needling" });
        Assert.Equal("urgent", body.GetProperty("outcome").GetString());
        Assert.Contains("911", body.GetProperty("answer").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, body.GetProperty("suggestions").GetArrayLength());
    }

    [Theory]
    [InlineData("""{"question":""}""", "question")]
    [InlineData("""{"question":"   "}""", "question")]
    [InlineData("""{"sessionId":"x"}""", "question")]
    [InlineData("""{"question":"hi","channel":"fax"}""", "channel")]
    [InlineData("null", "body")]
    public async Task InvalidQuestionsAreRejectedWithFieldErrors(string json, string field)
    {
        using var response = await _client.PostAsync("/api/ask", new StringContent(json, Encoding.UTF8, "application/json"));
        var problem = await AssertProblem(response, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
    }

    [Fact]
    public async Task AQuestionOverFiveHundredCharactersIsRejected()
    {
        using var response = await _client.PostAsJsonAsync("/api/ask", new { question = new string('a', 501) });
        var problem = await AssertProblem(response, HttpStatusCode.BadRequest);
        Assert.Contains("500", problem.GetProperty("errors").GetProperty("question")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AQuestionOfExactlyFiveHundredCharactersIsAccepted() =>
        await AskOk(new { question = new string('a', 500) });

    [Theory]
    [InlineData("{\"question\":", "The body is not valid JSON (at $.question,")]
    [InlineData("{'question':'single quotes'}", "The body is not valid JSON (at $,")]
    [InlineData("{\"question\":\"x\",}", "The body is not valid JSON (at $,")]
    [InlineData("{\"question\": 42}", "A value in the body has the wrong type or cannot be read as text (at $.question,")]
    [InlineData("{\"question\":\"does it hurt\",\"sessionId\":{}}", "A value in the body has the wrong type or cannot be read as text (at $.sessionId,")]
    [InlineData("[1,2]", "A value in the body has the wrong type or cannot be read as text (at $,")]
    [InlineData("{\"question\":\"hurt \\ud800\"}", "A value in the body has the wrong type or cannot be read as text (at $.question,")]
    public async Task MalformedJsonIsABadRequestThatSaysWhatAndWhere(string json, string detail)
    {
        using var response = await _client.PostAsync("/api/ask", new StringContent(json, Encoding.UTF8, "application/json"));
        var problem = await AssertProblem(response, HttpStatusCode.BadRequest);
        Assert.StartsWith(detail, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain("System.", problem.GetRawText(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData("application/xml")]
    public async Task NonJsonContentIsUnsupportedMediaType(string contentType)
    {
        using var response = await _client.PostAsync("/api/ask", new StringContent("question=hi", Encoding.UTF8, contentType));
        var problem = await AssertProblem(response, HttpStatusCode.UnsupportedMediaType);
        Assert.Contains("application/json", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ABodyOverSixteenKilobytesIsTooLarge()
    {
        var json = "{\"question\":\"" + new string('a', 17 * 1024) + "\"}";
        using var response = await _client.PostAsync("/api/ask", new StringContent(json, Encoding.UTF8, "application/json"));
        await AssertProblem(response, HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task AChunkedBodyOverSixteenKilobytesIsTooLarge()
    {
        var json = "{\"question\":\"" + new string('a', 17 * 1024) + "\"}";
        using var content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(json)));
        content.Headers.ContentType = new("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/ask") { Content = content };
        request.Headers.TransferEncodingChunked = true;
        using var response = await _client.SendAsync(request);
        await AssertProblem(response, HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task WrongMethodsAndUnknownRoutesAreProblemDetailsToo()
    {
        using var get = await _client.GetAsync("/api/ask");
        await AssertProblem(get, HttpStatusCode.MethodNotAllowed);
        using var missing = await _client.GetAsync("/api/nothing-here");
        await AssertProblem(missing, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task FaqsListsEveryEntryWithIdAndQuestion()
    {
        var list = await _client.GetFromJsonAsync<JsonElement>("/api/faqs");
        Assert.Equal(JsonValueKind.Array, list.ValueKind);
        Assert.True(list.GetArrayLength() >= 23);
        Assert.Contains(list.EnumerateArray(), e => e.GetProperty("faqId").GetString() == "is-it-painful"
            && e.GetProperty("question").GetString() == "Does dry needling hurt?");
    }

    [Fact]
    public async Task HealthReportsStatusAndEntryCount()
    {
        var health = await _client.GetFromJsonAsync<JsonElement>("/api/health");
        Assert.Equal("healthy", health.GetProperty("status").GetString());
        Assert.True(health.GetProperty("entries").GetInt32() >= 23);
    }

    private static async Task<JsonElement> AssertProblem(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("title").GetString()));
        return problem;
    }
}
