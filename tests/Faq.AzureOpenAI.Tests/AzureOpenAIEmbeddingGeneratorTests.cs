using System.ClientModel.Primitives;
using System.Diagnostics;
using System.Net;
using Azure.Core;
using Microsoft.Extensions.AI;
using Moq;

namespace Faq.AzureOpenAI.Tests;

public sealed class AzureOpenAIEmbeddingGeneratorTests
{
    private static AzureOpenAIEmbeddingOptions Options(Action<AzureOpenAIEmbeddingOptions>? configure = null)
    {
        var options = new AzureOpenAIEmbeddingOptions
        {
            Endpoint = new Uri("https://clinic-openai.openai.azure.com/"),
            Deployment = "text-embedding-3-small",
            ApiKey = "placeholder-key",
            Dimensions = 8,
            BatchSize = 16,
            RetryDelay = TimeSpan.FromMilliseconds(1),
            AttemptTimeout = TimeSpan.FromSeconds(5),
            BreakerMinimumThroughput = 100,
        };
        configure?.Invoke(options);
        return options;
    }

    private static AzureOpenAIEmbeddingGenerator Generator(FakeAzureOpenAI fake, AzureOpenAIEmbeddingOptions options, TokenCredential? credential = null) =>
        AzureOpenAIEmbeddingGenerator.Create(options, credential, transport: new HttpClientPipelineTransport(new HttpClient(fake)));

    [Fact]
    public async Task EmbeddingsComeBackInInputOrderFromBatchedRequestsToTheV1Endpoint()
    {
        var fake = new FakeAzureOpenAI();
        var generator = Generator(fake, Options(o => o.BatchSize = 2));
        string[] texts = ["does it hurt", "how many sessions do I need", "can I run after"];

        var result = await generator.GenerateAsync(texts);

        Assert.Equal(3, result.Count);
        for (var i = 0; i < texts.Length; i++)
        {
            Assert.Equal(FakeAzureOpenAI.VectorValue(texts[i], 3), result[i].Vector.Span[3]);
            Assert.Equal("azure-openai/text-embedding-3-small/8", result[i].ModelId);
        }

        Assert.Equal([2, 1], fake.Requests.Select(r => r.InputCount));
        var first = fake.Requests[0];
        Assert.Equal("POST", first.Method);
        Assert.Equal("https://clinic-openai.openai.azure.com/openai/v1/embeddings", first.Uri.ToString());
        Assert.Equal("placeholder-key", first.Headers["api-key"]);
        Assert.Equal("text-embedding-3-small", first.Body["model"]!.GetValue<string>());
        Assert.Equal(8, first.Body["dimensions"]!.GetValue<int>());
    }

    [Fact]
    public async Task WithoutAnApiKeyItSignsInWithEntraIdForCognitiveServices()
    {
        var credential = new Mock<TokenCredential> { CallBase = true };
        credential.Setup(c => c.GetTokenAsync(It.IsAny<TokenRequestContext>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new AccessToken("entra-token", DateTimeOffset.UtcNow.AddHours(1)));
        var fake = new FakeAzureOpenAI();
        var generator = Generator(fake, Options(o => o.ApiKey = null), credential.Object);

        await generator.GenerateAsync(["is dry needling safe"]);

        Assert.Equal("Bearer entra-token", fake.Requests.Single().Headers["Authorization"]);
        Assert.False(fake.Requests.Single().Headers.ContainsKey("api-key"));
        credential.Verify(c => c.GetTokenAsync(
            It.Is<TokenRequestContext>(t => t.Scopes.Single() == AzureOpenAIEmbeddingGenerator.CognitiveServicesScope), It.IsAny<CancellationToken>()));
    }

    [Fact]
    public void MetadataReportsTheModelIdAndLengthThatStoredVectorsAreCheckedAgainst()
    {
        var generator = Generator(new FakeAzureOpenAI(), Options(o => o.Dimensions = 512));

        var metadata = generator.GetService<EmbeddingGeneratorMetadata>()!;

        Assert.Equal("azure-openai/text-embedding-3-small/512", metadata.DefaultModelId);
        Assert.Equal(512, metadata.DefaultModelDimensions);
    }

    [Fact]
    public async Task ThrottledRequestIsRetriedAfterTheWaitTheServiceAsksFor()
    {
        var fake = new FakeAzureOpenAI().Then(HttpStatusCode.TooManyRequests, """{"error":{"code":"429"}}""", ("Retry-After", "1"));
        var generator = Generator(fake, Options());
        var clock = Stopwatch.StartNew();

        var result = await generator.GenerateAsync(["does it hurt"]);

        Assert.Single(result);
        Assert.Equal(2, fake.Requests.Count);
        Assert.True(clock.Elapsed >= TimeSpan.FromMilliseconds(900), $"retried after {clock.Elapsed.TotalMilliseconds} ms");
    }

    [Fact]
    public async Task ThrottlingLongerThanTheCallerCanWaitFailsAtOnce()
    {
        var fake = new FakeAzureOpenAI().Then(HttpStatusCode.TooManyRequests, "{}", ("Retry-After", "120"));
        var generator = Generator(fake, Options(o => o.MaxRetryAfter = TimeSpan.FromSeconds(5)));

        var error = await Assert.ThrowsAsync<EmbeddingServiceException>(() => generator.GenerateAsync(["does it hurt"]));

        Assert.Single(fake.Requests);
        Assert.Contains("429", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ServerErrorsAreRetriedThenReported()
    {
        var fake = new FakeAzureOpenAI()
            .Then(HttpStatusCode.InternalServerError).Then(HttpStatusCode.BadGateway).Then(HttpStatusCode.ServiceUnavailable);
        var generator = Generator(fake, Options(o => o.MaxRetries = 2));

        await Assert.ThrowsAsync<EmbeddingServiceException>(() => generator.GenerateAsync(["does it hurt"]));

        Assert.Equal(3, fake.Requests.Count);
    }

    [Fact]
    public async Task ClientErrorsAreNotRetried()
    {
        var fake = new FakeAzureOpenAI().Then(HttpStatusCode.BadRequest, """{"error":{"message":"bad input"}}""");
        var generator = Generator(fake, Options());

        await Assert.ThrowsAsync<EmbeddingServiceException>(() => generator.GenerateAsync(["does it hurt"]));

        Assert.Single(fake.Requests);
    }

    [Fact]
    public async Task HangingRequestsTimeOutAndAreRetried()
    {
        var fake = new FakeAzureOpenAI().ThenHang().ThenHang();
        var generator = Generator(fake, Options(o => { o.AttemptTimeout = TimeSpan.FromMilliseconds(200); o.MaxRetries = 2; }));

        var result = await generator.GenerateAsync(["does it hurt"]);

        Assert.Single(result);
        Assert.Equal(3, fake.Requests.Count);
    }

    [Fact]
    public async Task TimeoutsOnEveryAttemptFailTheCall()
    {
        var fake = new FakeAzureOpenAI().ThenHang().ThenHang();
        var generator = Generator(fake, Options(o => { o.AttemptTimeout = TimeSpan.FromMilliseconds(100); o.MaxRetries = 1; }));

        await Assert.ThrowsAsync<EmbeddingServiceException>(() => generator.GenerateAsync(["does it hurt"]));

        Assert.Equal(2, fake.Requests.Count);
    }

    [Fact]
    public async Task OpenBreakerFailsFastWithoutCallingTheService()
    {
        var fake = new FakeAzureOpenAI()
            .Then(HttpStatusCode.InternalServerError).Then(HttpStatusCode.InternalServerError);
        var generator = Generator(fake, Options(o => { o.MaxRetries = 0; o.BreakerMinimumThroughput = 2; o.BreakerFailureRatio = 0.5; }));

        await Assert.ThrowsAsync<EmbeddingServiceException>(() => generator.GenerateAsync(["one"]));
        await Assert.ThrowsAsync<EmbeddingServiceException>(() => generator.GenerateAsync(["two"]));
        var error = await Assert.ThrowsAsync<EmbeddingServiceException>(() => generator.GenerateAsync(["three"]));

        Assert.Equal(2, fake.Requests.Count);
        Assert.Contains("paused", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("this is not json")]
    [InlineData("""{"object":"list","data":[{"object":"embedding","index":0,"embedding":[0.1,0.2]}],"model":"m"}""")]
    [InlineData("""{"object":"list","data":[{"object":"embedding","index":7,"embedding":[0,0,0,0,0,0,0,0]}],"model":"m"}""")]
    [InlineData("""{"object":"list","data":[],"model":"m"}""")]
    public async Task MalformedResponsesFailTheCallWithoutRetrying(string body)
    {
        var fake = new FakeAzureOpenAI().ThenBody(_ => body);
        var generator = Generator(fake, Options());

        await Assert.ThrowsAsync<EmbeddingServiceException>(() => generator.GenerateAsync(["does it hurt"]));

        Assert.Single(fake.Requests);
    }

    [Fact]
    public async Task TooFewVectorsForTheBatchFailTheCall()
    {
        var fake = new FakeAzureOpenAI().ThenBody(inputs => FakeAzureOpenAI.EmbeddingsBody(inputs, 8, countOverride: 1));
        var generator = Generator(fake, Options());

        var error = await Assert.ThrowsAsync<EmbeddingServiceException>(() => generator.GenerateAsync(["a", "b"]));

        Assert.Contains("1 vectors for 2 texts", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CallerCancellationIsNotReportedAsAServiceFailure()
    {
        var fake = new FakeAzureOpenAI().ThenHang();
        var generator = Generator(fake, Options());
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => generator.GenerateAsync(["does it hurt"], cancellationToken: cancel.Token));
    }

    [Theory]
    [InlineData("https://x.openai.azure.com", "https://x.openai.azure.com/openai/v1/")]
    [InlineData("https://x.openai.azure.com/", "https://x.openai.azure.com/openai/v1/")]
    [InlineData("https://x.openai.azure.com/openai/v1", "https://x.openai.azure.com/openai/v1/")]
    [InlineData("https://x.openai.azure.com/openai/v1/", "https://x.openai.azure.com/openai/v1/")]
    public void TheV1BaseAddressIsDerivedFromTheResourceEndpoint(string endpoint, string expected)
    {
        Assert.Equal(expected, new AzureOpenAIEmbeddingOptions { Endpoint = new Uri(endpoint) }.ApiBase().ToString());
    }

    [Fact]
    public void IncompleteSettingsNameTheMissingKeys()
    {
        var problems = new AzureOpenAIEmbeddingOptions { Endpoint = new Uri("http://insecure.example/") }.Validate().ToList();

        Assert.Contains(problems, p => p.Contains("Faq:Embeddings:Endpoint", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("Faq:Embeddings:Deployment", StringComparison.Ordinal));
        Assert.Throws<ArgumentException>(() => AzureOpenAIEmbeddingGenerator.Create(new AzureOpenAIEmbeddingOptions(), null));
    }
}
