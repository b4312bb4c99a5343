using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Faq.Core.Analysis;
using Faq.Core.Embeddings;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Faq.Api.Tests;

public sealed class EmbeddingDegradationTests
{
    /// <summary>The local embedder, with a switch that makes every call fail like an unreachable service.</summary>
    private sealed class FlakyEmbeddings(IEmbeddingGenerator<string, Embedding<float>> inner) : IEmbeddingGenerator<string, Embedding<float>>
    {
        public volatile bool Failing;

        public Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(
            IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default) =>
            Failing ? throw new HttpRequestException("connection refused") : inner.GenerateAsync(values, options, cancellationToken);

        public object? GetService(Type serviceType, object? serviceKey = null) => inner.GetService(serviceType, serviceKey);

        public void Dispose() => inner.Dispose();
    }

    [Fact]
    public async Task WhenTheEmbeddingServiceFailsQuestionsAreAnsweredByKeywordAndHealthSaysDegraded()
    {
        var flaky = new FlakyEmbeddings(new HashedNgramEmbeddingGenerator(TextAnalyzer.Default, 256));
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
