using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Faq.Api.Snapshots;
using Faq.Core.Content;
using Faq.Core.Embeddings;
using Faq.Core.Storage;
using Faq.Tests;
using Microsoft.Extensions.DependencyInjection;

namespace Faq.Api.Tests;

/// <summary>A staff change replies once it is served, but a stalled reload delays the reply only so long.</summary>
public sealed class StaffChangeServingTests
{
    private const string Key = "serving-test-key-0123456789";

    /// <summary>
    /// The app's store, with a switch that makes listing the live entries (what a reload does; saving checks against
    /// all entries, deleted included) wait until released.
    /// </summary>
    private sealed class StallingStore(IFaqStore inner) : IFaqStore
    {
        private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public volatile bool Stalled;

        public void Release() => _released.TrySetResult();

        public async Task<IReadOnlyList<StoredEntry>> ListAsync(bool includeDeleted = false, CancellationToken cancellationToken = default)
        {
            if (Stalled && !includeDeleted)
            {
                await _released.Task.WaitAsync(cancellationToken);
            }

            return await inner.ListAsync(includeDeleted, cancellationToken);
        }

        public Task<StoredEntry?> GetAsync(string id, CancellationToken cancellationToken = default) => inner.GetAsync(id, cancellationToken);

        public Task<StoredEntry> CreateAsync(FaqEntry entry, string editor, EntryVectors? vectors, CancellationToken cancellationToken = default) =>
            inner.CreateAsync(entry, editor, vectors, cancellationToken);

        public Task<StoredEntry> UpdateAsync(FaqEntry entry, string ifMatch, string editor, EntryVectors? vectors, CancellationToken cancellationToken = default) =>
            inner.UpdateAsync(entry, ifMatch, editor, vectors, cancellationToken);

        public Task<StoredEntry> DeleteAsync(string id, string? ifMatch, string editor, CancellationToken cancellationToken = default) =>
            inner.DeleteAsync(id, ifMatch, editor, cancellationToken);

        public Task<StoredEntry> RestoreAsync(string id, string? ifMatch, string editor, CancellationToken cancellationToken = default) =>
            inner.RestoreAsync(id, ifMatch, editor, cancellationToken);

        public Task<StoredEntry> RevertAsync(string id, long version, string? ifMatch, string editor, EntryVectors? vectors, CancellationToken cancellationToken = default) =>
            inner.RevertAsync(id, version, ifMatch, editor, vectors, cancellationToken);

        public Task<IReadOnlyList<EntryVersion>> HistoryAsync(string id, CancellationToken cancellationToken = default) => inner.HistoryAsync(id, cancellationToken);

        public Task<bool> SetVectorsAsync(string id, string ifMatch, EntryVectors vectors, CancellationToken cancellationToken = default) =>
            inner.SetVectorsAsync(id, ifMatch, vectors, cancellationToken);

        public Task<bool> SeedAsync(IReadOnlyList<FaqEntry> entries, string editor, CancellationToken cancellationToken = default) =>
            inner.SeedAsync(entries, editor, cancellationToken);
    }

    [Fact]
    public async Task WhenTheReloadStallsTheSaveStillRepliesAfterTheBoundedWaitAndIsServedOnceTheReloadFinishes()
    {
        StallingStore? stalling = null;
        using var factory = new FaqApiFactory(
            new() { ["Faq:Admin:Keys:0:Key"] = Key },
            services =>
            {
                var original = services.Last(d => d.ServiceType == typeof(IFaqStore));
                services.AddSingleton<IFaqStore>(sp => stalling = new StallingStore((IFaqStore)original.ImplementationFactory!(sp)));
            });
        factory.StartServer();
        using var client = factory.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", Key);
        const string Question = "Is there parking at the clinic?";

        stalling!.Stalled = true;
        var clock = Stopwatch.StartNew();
        using (var created = await client.PostAsJsonAsync("/api/admin/entries", new { id = "parking", question = Question, answer = "Yes: free parking behind the building." }))
        {
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        }

        clock.Stop();
        Assert.InRange(clock.Elapsed, SnapshotRefresher.ServedWait - TimeSpan.FromMilliseconds(100), SnapshotRefresher.ServedWait + TimeSpan.FromSeconds(10));
        using (var saved = await client.GetAsync("/api/admin/entries/parking"))
        {
            Assert.Equal(HttpStatusCode.OK, saved.StatusCode); // saved, not lost
        }

        stalling.Release();
        using var patient = factory.CreateClient(); // an admin key is not an integration key: /api/ask would refuse it
        await Polling.Eventually(
            async () =>
            {
                using var asked = await patient.PostAsJsonAsync("/api/ask", new { question = Question });
                return (await asked.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("faqId").GetString() == "parking";
            },
            "the new entry is answered once the reload finishes",
            TimeSpan.FromSeconds(10));
    }
}
