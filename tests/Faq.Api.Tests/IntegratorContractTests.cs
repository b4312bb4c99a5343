using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Faq.Api.Answering;
using Faq.Api.Ask;
using Faq.Core.Channels;

namespace Faq.Api.Tests;

/// <summary>What an integrator relies on beyond the answers: keys that are checked, a schema that states the server's
/// limits, compressed transfers.</summary>
public sealed class IntegratorContractTests : IClassFixture<IntegratorContractTests.Factory>
{
    private const string IntegrationKey = "crm-key-0123456789abcdef";
    private readonly HttpClient _client;

    public IntegratorContractTests(Factory factory)
    {
        factory.StartServer();
        _client = factory.CreateClient();
    }

    public sealed class Factory() : IDisposable
    {
        private readonly FaqApiFactory _inner = new(new()
        {
            ["Faq:Integrations:Keys:0:Name"] = "crm",
            ["Faq:Integrations:Keys:0:Key"] = IntegrationKey,
        });

        public void StartServer() => _inner.StartServer();

        public HttpClient CreateClient() => _inner.CreateClient();

        public void Dispose() => _inner.Dispose();
    }

    private async Task<HttpResponseMessage> Send(HttpMethod method, string path, string? key, object? body = null)
    {
        using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        if (key is not null)
        {
            request.Headers.TryAddWithoutValidation("X-Api-Key", key);
        }

        return await _client.SendAsync(request);
    }

    [Theory]
    [InlineData("POST", "/api/ask")]
    [InlineData("GET", "/api/faqs")]
    [InlineData("POST", "/api/feedback")]
    public async Task AKeyThatMatchesNoIntegrationIsRefusedWithAProblem(string method, string path)
    {
        object body = path == "/api/feedback" ? new { faqId = "is-it-painful", helpful = true } : new { question = "does it hurt?" };
        using var response = await Send(new HttpMethod(method), path, "not-a-key", method == "POST" ? body : null);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(401, problem.GetProperty("status").GetInt32());
        Assert.Contains("X-Api-Key", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(IntegrationKey)]
    public async Task NoKeyABlankOneOrAConfiguredOneIsAnswered(string? key)
    {
        using var response = await Send(HttpMethod.Post, "/api/ask", key, new { question = "does it hurt?" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task TheDocumentStatesTheAskRequestLimitsTheValidatorEnforces()
    {
        var document = JsonDocument.Parse(await _client.GetStringAsync("/api/openapi.json")).RootElement;
        var schema = document.GetProperty("components").GetProperty("schemas").GetProperty("AskRequest");
        Assert.Equal(["question"], schema.GetProperty("required").EnumerateArray().Select(r => r.GetString()!).ToArray());
        var properties = schema.GetProperty("properties");

        var question = properties.GetProperty("question");
        Assert.Equal("string", question.GetProperty("type").GetString());
        Assert.Equal(1, question.GetProperty("minLength").GetInt32());
        Assert.Equal(AnsweringService.MaxQuestionLength, question.GetProperty("maxLength").GetInt32());

        var session = properties.GetProperty("sessionId");
        Assert.Equal(AskEndpoints.MaxSessionIdLength, session.GetProperty("maxLength").GetInt32());
        Assert.Equal(["null", "string"], session.GetProperty("type").EnumerateArray().Select(t => t.GetString()!).Order(StringComparer.Ordinal).ToArray());

        var channel = properties.GetProperty("channel").GetProperty("enum").EnumerateArray()
            .Select(v => v.ValueKind == JsonValueKind.Null ? "(null)" : v.GetString()!).ToArray();
        Assert.Equal([.. ChannelText.Names, "(null)"], channel);
    }

    [Fact]
    public async Task TheLimitsInTheDocumentAreTheOnesTheServerEnforces()
    {
        using var longest = await Send(HttpMethod.Post, "/api/ask", null, new { question = new string('a', AnsweringService.MaxQuestionLength), sessionId = new string('s', AskEndpoints.MaxSessionIdLength) });
        Assert.Equal(HttpStatusCode.OK, longest.StatusCode);
        using var tooLong = await Send(HttpMethod.Post, "/api/ask", null, new { question = "hi", sessionId = new string('s', AskEndpoints.MaxSessionIdLength + 1) });
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        foreach (var name in ChannelText.Names)
        {
            using var response = await Send(HttpMethod.Post, "/api/ask", null, new { question = "does it hurt?", channel = name });
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
    }

    [Theory]
    [InlineData("br")]
    [InlineData("gzip")]
    public async Task TheWidgetScriptAndJsonRepliesAreServedCompressed(string encoding)
    {
        foreach (var path in new[] { "/widget/faq-widget.js", "/api/faqs", "/staff/admin.js" })
        {
            using var plain = await _client.GetAsync(path);
            var original = await plain.Content.ReadAsByteArrayAsync();
            using var request = new HttpRequestMessage(HttpMethod.Get, path);
            request.Headers.AcceptEncoding.ParseAdd(encoding);
            using var response = await _client.SendAsync(request);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal([encoding], response.Content.Headers.ContentEncoding);
            Assert.Contains("Accept-Encoding", response.Headers.Vary);
            var compressed = await response.Content.ReadAsByteArrayAsync();
            Assert.True(compressed.Length < original.Length / 2, $"{path}: {compressed.Length} of {original.Length} bytes");

            using var source = new MemoryStream(compressed);
            using Stream decoder = encoding == "br" ? new BrotliStream(source, CompressionMode.Decompress) : new GZipStream(source, CompressionMode.Decompress);
            using var restored = new MemoryStream();
            await decoder.CopyToAsync(restored);
            Assert.Equal(original, restored.ToArray());
        }
    }

    [Fact]
    public async Task TheFaviconIsServedAndBothPagesDeclareOne()
    {
        using var icon = await _client.GetAsync("/favicon.ico");
        Assert.Equal(HttpStatusCode.OK, icon.StatusCode);
        Assert.Equal("image/x-icon", icon.Content.Headers.ContentType?.MediaType);
        foreach (var page in new[] { "/", "/staff/" })
        {
            Assert.Contains("<link rel=\"icon\" href=\"data:image/svg+xml,", await _client.GetStringAsync(page), StringComparison.Ordinal);
        }
    }
}
