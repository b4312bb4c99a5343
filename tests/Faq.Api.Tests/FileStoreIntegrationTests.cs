using System.Net.Http.Json;
using System.Text.Json;
using Faq.Api.Snapshots;
using Faq.Core.Storage;
using Faq.MiniLM;
using Faq.Tests.Shared;
using Microsoft.Extensions.AI;
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

    private FaqApiFactory Factory(IEmbeddingGenerator<string, Embedding<float>>? generator = null) => new(
        new() { ["Faq:File:Path"] = _folder },
        generator is null ? null : services => services.AddSingleton(generator));

    /// <summary>The shared model under another model id: what the app sees after the embedding model changes.</summary>
    private sealed class RenamedModel(IEmbeddingGenerator<string, Embedding<float>> inner, string modelId)
        : DelegatingEmbeddingGenerator<string, Embedding<float>>(inner)
    {
        public override async Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(
            IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default) =>
            [.. (await base.GenerateAsync(values, options, cancellationToken)).Select(e => new Embedding<float>(e.Vector) { ModelId = modelId })];

        public override object? GetService(Type serviceType, object? serviceKey = null) =>
            serviceType == typeof(EmbeddingGeneratorMetadata) ? new EmbeddingGeneratorMetadata("test", null, modelId, 384) : base.GetService(serviceType, serviceKey);
    }

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
        using (var first = Factory())
        {
            first.StartServer();
            Assert.All(await first.Services.GetRequiredService<IFaqStore>().ListAsync(), e =>
            {
                Assert.Equal(MiniLmEmbeddingGenerator.ModelId, e.Vectors!.ModelId);
                Assert.Equal(MiniLmEmbeddingGenerator.Dimensions, e.Vectors.Dimensions);
            });
        }

        using (var unchanged = Factory())
        {
            unchanged.StartServer();
            Assert.Equal(0, unchanged.Services.GetRequiredService<FaqSnapshots>().Current!.Index.ComputedVectors);
        }

        using var changed = Factory(new RenamedModel(SharedEmbedder.Instance, "another-model"));
        changed.StartServer();
        var store = changed.Services.GetRequiredService<IFaqStore>();
        Assert.All(await store.ListAsync(), e => Assert.Equal("another-model", e.Vectors!.ModelId));
        Assert.All(await store.ListAsync(), e => Assert.Equal(1, e.Version));
    }

    private const string StaffKey = "file-store-staff-key-0123456789";

    /// <summary>The app on this test's folder, reloading every second, with a patient's and a staff member's client.</summary>
    private sealed class RunningApp : IDisposable
    {
        private readonly FaqApiFactory _factory;

        public RunningApp(string folder)
        {
            _factory = new FaqApiFactory(new()
            {
                ["Faq:File:Path"] = folder,
                ["Faq:Snapshot:RefreshSeconds"] = "1",
                ["Faq:Admin:Keys:0:Name"] = "staff",
                ["Faq:Admin:Keys:0:Key"] = StaffKey,
            });
            _factory.StartServer();
            Patient = _factory.CreateClient();
            Staff = _factory.CreateClient();
            Staff.DefaultRequestHeaders.Add("X-Api-Key", StaffKey);
        }

        public HttpClient Patient { get; }

        public HttpClient Staff { get; }

        public void Dispose()
        {
            Patient.Dispose();
            Staff.Dispose();
            _factory.Dispose();
        }
    }

    private static object Entry(string id, string question, string answer) =>
        new { id, question, answer, alternates = Array.Empty<string>(), tags = Array.Empty<string>(), related = Array.Empty<string>() };

    private static async Task<List<string>> ServedIds(HttpClient client) =>
        [.. (await client.GetFromJsonAsync<JsonElement>("/api/faqs")).EnumerateArray().Select(e => e.GetProperty("faqId").GetString()!)];

    private static async Task Save(HttpClient staff, string id, string answer)
    {
        using var current = await staff.GetAsync($"/api/admin/entries/{id}");
        var body = await current.Content.ReadFromJsonAsync<JsonElement>();
        using var request = new HttpRequestMessage(HttpMethod.Put, $"/api/admin/entries/{id}")
        {
            Content = JsonContent.Create(Entry(id, body.GetProperty("question").GetString()!, answer)),
        };
        request.Headers.TryAddWithoutValidation("If-Match", current.Headers.ETag!.ToString());
        using var saved = await staff.SendAsync(request);
        Assert.Equal(System.Net.HttpStatusCode.OK, saved.StatusCode);
    }

    // The data loss of issue 14: the app kept its document in memory, so the next staff save wrote it back over the import.
    [Fact]
    public async Task AnImportByTheFaqCommandIntoTheRunningAppsStoreIsServedAndSurvivesAStaffSave()
    {
        using var app = new RunningApp(_folder);
        var (client, staff) = (app.Patient, app.Staff);
        var before = await ServedIds(client);

        var file = await FaqCommand.WriteFaqFileAsync(Path.Combine(_folder, "imports"), Entry("parking", "Is there parking at the clinic?", "Yes: free parking behind the building."));
        var import = await FaqCommand.RunAsync("import", file, "--path", _folder);
        Assert.True(import.Code == 0, import.Out + import.Error);

        await Faq.Tests.Polling.Eventually(async () => (await ServedIds(client)).Contains("parking"), "the import is served within the refresh interval", TimeSpan.FromSeconds(3));
        await Save(staff, "booking", "Call the front desk to book.");

        var stored = await Faq.Storage.FaqStores.File(_folder, "default").ListAsync();
        Assert.Equal(before.Count + 1, stored.Count);
        Assert.Contains(stored, e => e.Entry.Id == "parking");
        Assert.Contains(stored, e => e.Entry.Answer == "Call the front desk to book.");
        Assert.Contains("parking", await ServedIds(client));
    }

    [Fact]
    public async Task TwoCommandsAndTheAppWritingToOneStoreAtOnceLoseNothing()
    {
        using var app = new RunningApp(_folder);
        var (client, staff) = (app.Patient, app.Staff);
        var before = await ServedIds(client);

        async Task<string> Batch(string prefix) => await FaqCommand.WriteFaqFileAsync(
            Path.Combine(_folder, "imports"),
            [.. Enumerable.Range(1, 8).Select(i => Entry($"{prefix}-{i}", $"Question {i} from {prefix} about knees?", $"Answer {i}."))]);
        var first = await Batch("first");
        var second = await Batch("second");

        // Without vectors: this is about concurrent writers, and the app embeds what the commands saved.
        var imports = Task.WhenAll(
            FaqCommand.RunAsync("import", first, "--path", _folder, "--no-vectors"),
            FaqCommand.RunAsync("import", second, "--path", _folder, "--no-vectors"));
        for (var i = 1; i <= 8; i++)
        {
            using var created = await staff.PostAsJsonAsync("/api/admin/entries", Entry($"staff-{i}", $"Question {i} from staff about ankles?", $"Answer {i}."));
            Assert.Equal(System.Net.HttpStatusCode.Created, created.StatusCode);
        }

        foreach (var (code, output, error) in await imports)
        {
            Assert.True(code == 0, output + error);
        }

        var stored = await Faq.Storage.FaqStores.File(_folder, "default").ListAsync();
        Assert.Equal(before.Count + 24, stored.Count);
        await Faq.Tests.Polling.Eventually(async () => (await ServedIds(client)).Count == before.Count + 24, "every entry is served", TimeSpan.FromSeconds(5));
    }
}
