using System.Net;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using Faq.Core.Content;
using Faq.Core.Storage;
using Faq.Storage.Tables;
using Moq;

namespace Faq.Storage.Tests;

/// <summary>
/// What the Table store adds to the contract (<see cref="TableFaqStoreTests"/>): how it uses Azure.Data.Tables —
/// one retry layer, the storage scope for Entra ID, one transaction per change, paging — against Azurite or a
/// recording transport.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class TableStorageTests(AzuriteFixture azurite)
{
    private static FaqEntry Entry(string id, string answer) => new(id, "Does it hurt?", ["Is it painful?"], answer, ["experience"], []);

    private static string NewTenant() => "t" + Guid.NewGuid().ToString("N")[..12];

    [Fact]
    public async Task TheSdkDoesNotRetrySoThePipelineIsTheOneRetryLayer()
    {
        var handler = new RecordingHandler(_ => new HttpResponseMessage(HttpStatusCode.ServiceUnavailable));
        var options = FaqStores.StoreClientOptions();
        options.Transport = new HttpClientTransport(new HttpClient(handler));
        var tables = new TableFaqStore(FaqStores.TableService(azurite.ConnectionString, options), NewTenant(), TimeProvider.System);
        var store = new ResilientFaqStore(tables, new StoreResilienceOptions { MaxRetries = 2, RetryDelay = TimeSpan.FromMilliseconds(1), BreakerMinimumThroughput = 100 });

        await Assert.ThrowsAsync<FaqStoreUnavailableException>(() => store.ListAsync());

        // Three attempts by the pipeline (the first and two retries), one request each: none by the SDK.
        Assert.Equal(3, handler.Requests.Count);
    }

    [Fact]
    public async Task WithEntraIdTheStoreSendsATokenForTheStorageScope()
    {
        var credential = new Mock<TokenCredential>();
        credential
            .Setup(c => c.GetTokenAsync(It.Is<TokenRequestContext>(r => r.Scopes.Single() == "https://storage.azure.com/.default"), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new AccessToken("test-token", DateTimeOffset.UtcNow.AddHours(1)));
        var handler = new RecordingHandler(request => request.Method == HttpMethod.Get
            ? Json(HttpStatusCode.NotFound, """{"odata.error":{"code":"ResourceNotFound","message":{"value":"not found"}}}""")
            : Json(HttpStatusCode.NoContent, string.Empty));
        var options = FaqStores.StoreClientOptions();
        options.Transport = new HttpClientTransport(new HttpClient(handler));
        var store = new TableFaqStore(FaqStores.TableService(new Uri("https://clinic.table.core.windows.net/"), credential.Object, options), "default", TimeProvider.System);

        Assert.Null(await store.GetAsync("is-it-painful"));

        Assert.NotEmpty(handler.Requests);
        Assert.All(handler.Requests, r => Assert.Equal("Bearer test-token", r.Authorization));
        Assert.Contains(handler.Requests, r => r.Method == "GET" && Uri.UnescapeDataString(r.Path) == "/FaqContent(PartitionKey='default',RowKey='entry|is-it-painful')");
    }

    [Fact]
    public async Task AnEntryAndItsHistoryShareOnePartitionAndEachChangeIsOneTransaction()
    {
        var tenant = NewTenant();
        var handler = new RecordingHandler(inner: new HttpClientHandler());
        var options = FaqStores.StoreClientOptions();
        options.Transport = new HttpClientTransport(new HttpClient(handler));
        var store = new TableFaqStore(FaqStores.TableService(azurite.ConnectionString, options), tenant, TimeProvider.System);
        var created = await store.CreateAsync(Entry("a", "First."), "alice", null);
        handler.Requests.Clear();

        var updated = await store.UpdateAsync(Entry("a", "Second."), created.ETag, "bob", null);

        // One read of the current version, then one batch (entry replaced if its ETag matches, history row added).
        Assert.Equal(["GET", "POST"], handler.Requests.Select(r => r.Method));
        Assert.EndsWith("/$batch", handler.Requests[1].Path, StringComparison.Ordinal);
        var rows = new TableServiceClient(azurite.ConnectionString).GetTableClient(TableFaqStore.Table)
            .Query<TableEntity>(e => e.PartitionKey == tenant).Select(e => e.RowKey).ToList();
        Assert.Equal(["entry|a", TableFaqStore.HistoryKey("a", 1), TableFaqStore.HistoryKey("a", 2)], rows);
        Assert.Equal(updated.ETag, (await store.GetAsync("a"))!.ETag);
    }

    [Fact]
    public async Task AChangeThatLosesTheRaceWritesNeitherTheEntryNorItsHistoryRow()
    {
        var tenant = NewTenant();
        var table = new TableServiceClient(azurite.ConnectionString).GetTableClient(TableFaqStore.Table);
        // Another writer changes the entry between the store's read and its transaction.
        var handler = new RecordingHandler(inner: new HttpClientHandler())
        {
            BeforeBatch = async () =>
            {
                var entity = (await table.GetEntityAsync<TableEntity>(tenant, TableFaqStore.EntryKey("a"))).Value;
                entity["Answer"] = "Changed by another writer.";
                await table.UpdateEntityAsync(entity, entity.ETag, TableUpdateMode.Replace);
            },
        };
        var options = FaqStores.StoreClientOptions();
        options.Transport = new HttpClientTransport(new HttpClient(handler));
        var store = new TableFaqStore(FaqStores.TableService(azurite.ConnectionString, options), tenant, TimeProvider.System);
        var v1 = await FaqStores.Tables(azurite.ConnectionString, tenant).CreateAsync(Entry("a", "First."), "alice", null);

        var conflict = await Assert.ThrowsAsync<FaqConcurrencyException>(() => store.UpdateAsync(Entry("a", "Second."), v1.ETag, "bob", null));

        Assert.Equal("Changed by another writer.", conflict.Current.Entry.Answer);
        Assert.Equal([1L], (await store.HistoryAsync("a")).Select(v => v.Version));
    }

    [Fact]
    public async Task QueriesFollowContinuationTokensPastOnePage()
    {
        // The service returns at most 1,000 rows per page; feedback counts read every vote.
        var review = FaqStores.TablesReview(azurite.ConnectionString, NewTenant());
        const int votes = 1_050;
        using var gate = new SemaphoreSlim(16);
        await Task.WhenAll(Enumerable.Range(0, votes).Select(async i =>
        {
            await gate.WaitAsync();
            try
            {
                await review.RecordFeedbackAsync(i % 3 == 0 ? "side-effects" : "is-it-painful", helpful: i % 2 == 0, DateTimeOffset.UtcNow);
            }
            finally
            {
                gate.Release();
            }
        }));

        var counts = await review.FeedbackCountsAsync();

        Assert.Equal(votes, counts.Sum(c => c.Helpful + c.Unhelpful));
        Assert.Equal(350, counts.Single(c => c.FaqId == "side-effects").Helpful + counts.Single(c => c.FaqId == "side-effects").Unhelpful);
    }

    [Theory]
    [InlineData("garbage")]
    [InlineData("AccountName=clinic")]
    [InlineData("AccountName=clinic;AccountKey=not base64!")]
    [InlineData("AccountName=clinic;AccountKey=c2VjcmV0;c2VjcmV0LWtleQ")]
    public void AnUnusableConnectionStringSaysWhatToSetWithoutRepeatingIt(string connectionString)
    {
        var error = Assert.Throws<FormatException>(() => FaqStores.Tables(connectionString, "default"));

        Assert.Contains("Faq:Tables:ConnectionString", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("c2VjcmV0", error.Message, StringComparison.Ordinal);
    }

    private static HttpResponseMessage Json(HttpStatusCode status, string body) =>
        new(status) { Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json") };

    /// <summary>Records every request; answers it itself, or passes it on to a real server.</summary>
    private sealed class RecordingHandler(Func<HttpRequestMessage, HttpResponseMessage>? answer = null, HttpMessageHandler? inner = null)
        : DelegatingHandler(inner ?? new HttpClientHandler())
    {
        public List<(string Method, string Path, string? Authorization)> Requests { get; } = [];

        /// <summary>Runs before the next transaction (batch) request is passed on.</summary>
        public Func<Task>? BeforeBatch { get; set; }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            lock (Requests)
            {
                Requests.Add((request.Method.Method, request.RequestUri!.AbsolutePath, request.Headers.Authorization?.ToString()));
            }

            if (request.RequestUri.AbsolutePath.EndsWith("/$batch", StringComparison.Ordinal) && BeforeBatch is { } before)
            {
                BeforeBatch = null;
                await before();
            }

            return answer is null ? await base.SendAsync(request, cancellationToken) : answer(request);
        }
    }
}
