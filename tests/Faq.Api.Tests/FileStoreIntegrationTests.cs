using System.Net.Http.Json;
using System.Text.Json;
using Faq.Api.Snapshots;
using Faq.Core.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Faq.Api.Tests;

public sealed class FileStoreIntegrationTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "faq-file-store", Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    private FaqApiFactory Factory(string dimensions = "256") => new(new()
    {
        ["Faq:File:Path"] = _folder,
        ["Faq:Embeddings:Dimensions"] = dimensions,
    });

    [Fact]
    public async Task EditsSurviveAnAppRestart()
    {
        const string answer = "A clinic-specific answer.";
        using (var factory = Factory())
        {
            factory.StartServer();
            var store = factory.Services.GetRequiredService<IFaqStore>();
            var current = (await store.GetAsync("booking"))!;
            await store.UpdateAsync(current.Entry with { Answer = answer }, current.ETag, "staff", null);
        }

        using var again = Factory();
        again.StartServer();
        using var client = again.CreateClient();
        using var response = await client.PostAsJsonAsync("/api/ask", new { question = "How do I book a dry needling appointment?" });
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(answer, body.GetProperty("answer").GetString());
    }

    [Fact]
    public async Task VectorsAreComputedOnceAndAgainOnlyWhenTheModelChanges()
    {
        using (var first = Factory("256"))
        {
            first.StartServer();
            Assert.All(await first.Services.GetRequiredService<IFaqStore>().ListAsync(), e => Assert.Equal(256, e.Vectors!.Dimensions));
        }

        using (var unchanged = Factory("256"))
        {
            unchanged.StartServer();
            Assert.Equal(0, unchanged.Services.GetRequiredService<FaqSnapshots>().Current!.Index.ComputedVectors);
        }

        using var changed = Factory("512");
        changed.StartServer();
        var store = changed.Services.GetRequiredService<IFaqStore>();
        Assert.All(await store.ListAsync(), e => Assert.Equal(512, e.Vectors!.Dimensions));
        Assert.All(await store.ListAsync(), e => Assert.Equal(1, e.Version));
    }
}
