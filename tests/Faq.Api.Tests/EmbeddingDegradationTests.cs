using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Faq.Tests.Shared;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Faq.Api.Tests;

public sealed class EmbeddingDegradationTests
{
    /// <summary>The shipped model, with a switch that makes every call fail like an unreachable service.</summary>
    private sealed class FlakyEmbeddings(IEmbeddingGenerator<string, Embedding<float>> inner) : IEmbeddingGenerator<string, Embedding<float>>
    {
        public volatile bool Failing;

        public Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(
            IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default) =>
            Failing ? throw new HttpRequestException("connection refused") : inner.GenerateAsync(values, options, cancellationToken);

        public object? GetService(Type serviceType, object? serviceKey = null) => inner.GetService(serviceType, serviceKey);

        public void Dispose()
        {
            // The shared model outlives this test.
        }
    }

    [Fact]
    public async Task WhenTheEmbeddingServiceFailsQuestionsAreAnsweredByKeywordAndHealthSaysDegraded()
    {
        var flaky = new FlakyEmbeddings(SharedEmbedder.Instance);
        using var factory = new FaqApiFactory([], services => services.AddSingleton<IEmbeddingGenerator<string, Embedding<float>>>(flaky));
        factory.StartServer();
        using var client = factory.CreateClient();
        const string Question = "How many dry needling sessions will I need?";

        var before = await client.PostAsJsonAsync("/api/ask", new { question = Question });
        var healthy = await client.GetFromJsonAsync<JsonElement>("/api/health");
        flaky.Failing = true;
        var during = await client.PostAsJsonAsync("/api/ask", new { question = Question });
        var degraded = await client.GetFromJsonAsync<JsonElement>("/api/health");
        flaky.Failing = false;
        await client.PostAsJsonAsync("/api/ask", new { question = Question });
        var recovered = await client.GetFromJsonAsync<JsonElement>("/api/health");

        Assert.Equal(HttpStatusCode.OK, during.StatusCode);
        var beforeBody = await before.Content.ReadFromJsonAsync<JsonElement>();
        var duringBody = await during.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("answered", duringBody.GetProperty("outcome").GetString());
        Assert.Equal(beforeBody.GetProperty("faqId").GetString(), duringBody.GetProperty("faqId").GetString());
        Assert.False(string.IsNullOrWhiteSpace(duringBody.GetProperty("disclaimer").GetString()));
        Assert.Equal("healthy", healthy.GetProperty("status").GetString());
        Assert.Equal("degraded", degraded.GetProperty("status").GetString());
        Assert.Contains("keyword", degraded.GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.Equal("healthy", recovered.GetProperty("status").GetString());
    }

    /// <summary>A model that never loaded: every call fails with the reason.</summary>
    private sealed class BrokenModel : IEmbeddingGenerator<string, Embedding<float>>
    {
        public Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(
            IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default) =>
            throw new Faq.MiniLM.MiniLmUnavailableException("The sentence-embedding model all-MiniLM-L6-v2 could not be loaded: Protobuf parsing failed.");

        public object? GetService(Type serviceType, object? serviceKey = null) =>
            serviceType == typeof(EmbeddingGeneratorMetadata) ? new EmbeddingGeneratorMetadata("onnxruntime", null, "all-MiniLM-L6-v2", 384) : null;

        public void Dispose()
        {
        }
    }

    [Fact]
    public async Task AModelThatCannotLoadLeavesTheAppAnsweringByKeywordWithHealthDegradedAndTheReason()
    {
        using var factory = new FaqApiFactory([], services => services.AddSingleton<IEmbeddingGenerator<string, Embedding<float>>>(new BrokenModel()));
        factory.StartServer();
        using var client = factory.CreateClient();

        using var ask = await client.PostAsJsonAsync("/api/ask", new { question = "How many dry needling sessions will I need?" });
        var reply = await ask.Content.ReadFromJsonAsync<JsonElement>();
        using var urgent = await client.PostAsJsonAsync("/api/ask", new { question = "I can't breathe" });
        var health = await client.GetFromJsonAsync<JsonElement>("/api/health");

        Assert.Equal(HttpStatusCode.OK, ask.StatusCode);
        Assert.Equal("how-many-sessions", reply.GetProperty("faqId").GetString());
        Assert.Equal("urgent", (await urgent.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("outcome").GetString());
        Assert.Equal("degraded", health.GetProperty("status").GetString());
        Assert.Contains("could not be loaded", health.GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.Contains("keyword", health.GetProperty("reason").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void AzureOpenAIWithoutEndpointOrDeploymentFailsStartupNamingTheKeys()
    {
        var error = FaqApiFactory.StartupFailure<OptionsValidationException>(new() { ["Faq:Embeddings:Provider"] = "AzureOpenAI" });
        Assert.Contains("Faq:Embeddings:Endpoint", error.Message, StringComparison.Ordinal);
        Assert.Contains("Faq:Embeddings:Deployment", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnUnknownEmbeddingProviderFailsStartup()
    {
        var error = FaqApiFactory.StartupFailure<OptionsValidationException>(new() { ["Faq:Embeddings:Provider"] = "Magic" });
        Assert.Contains("Faq:Embeddings:Provider", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AzureOpenAIIsSelectedByConfigurationAndReportsItsModel()
    {
        // No network here: the generator the app built is checked, not a call to the service.
        using var factory = new FaqApiFactory(new()
        {
            ["Faq:Embeddings:Provider"] = "AzureOpenAI",
            ["Faq:Embeddings:Endpoint"] = "https://clinic-openai.invalid/",
            ["Faq:Embeddings:Deployment"] = "text-embedding-3-small",
            ["Faq:Embeddings:ApiKey"] = "placeholder",
            ["Faq:Embeddings:Dimensions"] = "512",
        });
        factory.StartServer();

        var generator = factory.Services.GetRequiredService<IEmbeddingGenerator<string, Embedding<float>>>();

        Assert.Equal("azure-openai/text-embedding-3-small/512", generator.GetService<EmbeddingGeneratorMetadata>()!.DefaultModelId);
    }
}
