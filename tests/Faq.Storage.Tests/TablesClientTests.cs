using System.Net;
using System.Text;
using Azure;
using Azure.Core;
using Azure.Core.Pipeline;
using Faq.Storage.Tables;
using Moq;

namespace Faq.Storage.Tests;

[Collection(AzuriteCollection.Name)]
public sealed class TablesClientTests(AzuriteFixture azurite)
{
    private readonly TablesClient _client = new(azurite.ConnectionString);

    private static string NewTable() => "T" + Guid.NewGuid().ToString("N")[..20];

    [Fact]
    public async Task TypedPropertiesRoundTrip()
    {
        var table = NewTable();
        await _client.CreateTableIfNotExistsAsync(table);
        var at = new DateTimeOffset(2026, 11, 21, 8, 30, 15, TimeSpan.Zero).AddTicks(1234567);
        var entity = new TableEntity("p", "r")
        {
            ["Text"] = "Morton’s neuroma — \"quoted\" 'single' <b>",
            ["Big"] = long.MaxValue,
            ["When"] = at,
            ["Bytes"] = new byte[] { 0, 1, 2, 254, 255 },
            ["Flag"] = true,
            ["Ratio"] = 2.0,
            ["Id"] = Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e"),
        };
        await _client.InsertAsync(table, entity);

        var read = await _client.GetAsync(table, "p", "r");
        Assert.NotNull(read);
        Assert.Equal(entity["Text"], read["Text"]);
        Assert.Equal(long.MaxValue, read.GetInt64("Big"));
        Assert.Equal(at, read.GetDateTime("When"));
        Assert.Equal(new byte[] { 0, 1, 2, 254, 255 }, read.GetBinary("Bytes"));
        Assert.Equal(true, read.GetBoolean("Flag"));
        Assert.Equal(2.0, read["Ratio"]);
        Assert.Equal(entity["Id"], read["Id"]);
        Assert.False(string.IsNullOrEmpty(read.ETag));
        Assert.NotNull(read.Timestamp);
    }

    [Fact]
    public async Task ETagsGuardUpdatesAndDeletes()
    {
        var table = NewTable();
        await _client.CreateTableIfNotExistsAsync(table);
        var etag = await _client.InsertAsync(table, new TableEntity("p", "r") { ["N"] = 1L });
        var duplicate = await Assert.ThrowsAsync<RequestFailedException>(() => _client.InsertAsync(table, new TableEntity("p", "r")));
        Assert.Equal(409, duplicate.Status);
        Assert.Equal("EntityAlreadyExists", duplicate.ErrorCode);

        var newer = await _client.UpdateAsync(table, new TableEntity("p", "r") { ["N"] = 2L }, etag, TableUpdateMode.Replace);
        var stale = await Assert.ThrowsAsync<RequestFailedException>(() => _client.UpdateAsync(table, new TableEntity("p", "r") { ["N"] = 3L }, etag, TableUpdateMode.Replace));
        Assert.Equal(412, stale.Status);

        await _client.UpdateAsync(table, new TableEntity("p", "r") { ["Extra"] = "x" }, newer, TableUpdateMode.Merge);
        var merged = (await _client.GetAsync(table, "p", "r"))!;
        Assert.Equal(2L, merged.GetInt64("N"));
        Assert.Equal("x", merged.GetString("Extra"));

        await Assert.ThrowsAsync<RequestFailedException>(() => _client.DeleteAsync(table, "p", "r", newer));
        Assert.True(await _client.DeleteAsync(table, "p", "r", merged.ETag!));
        Assert.False(await _client.DeleteAsync(table, "p", "r"));
        Assert.Null(await _client.GetAsync(table, "p", "r"));
    }

    [Fact]
    public async Task UpsertInsertsThenReplaces()
    {
        var table = NewTable();
        await _client.CreateTableIfNotExistsAsync(table);
        await _client.UpsertAsync(table, new TableEntity("p", "r") { ["A"] = "1", ["B"] = "1" }, TableUpdateMode.Replace);
        await _client.UpsertAsync(table, new TableEntity("p", "r") { ["A"] = "2" }, TableUpdateMode.Replace);
        var read = (await _client.GetAsync(table, "p", "r"))!;
        Assert.Equal("2", read.GetString("A"));
        Assert.Null(read.GetString("B"));
    }

    [Fact]
    public async Task AQuoteInAKeyOrFilterLiteralCannotChangeTheQuery()
    {
        var table = NewTable();
        await _client.CreateTableIfNotExistsAsync(table);
        await _client.InsertAsync(table, new TableEntity("p", "plain") { ["V"] = "plain" });
        await _client.InsertAsync(table, new TableEntity("p", "it's") { ["V"] = "quoted" });

        Assert.Equal("quoted", (await _client.GetAsync(table, "p", "it's"))!.GetString("V"));
        var injection = "x' or RowKey ne 'x";
        var matches = await _client.QueryAsync(table, $"PartitionKey eq 'p' and RowKey eq {TableKeys.Literal(injection)}").ToListAsync();
        Assert.Empty(matches);
        var exact = await _client.QueryAsync(table, $"RowKey eq {TableKeys.Literal("it's")}").ToListAsync();
        Assert.Equal("it's", Assert.Single(exact).RowKey);
        Assert.Null(await _client.GetAsync(table, "p", "plain') or (RowKey eq 'it's"));
    }

    [Fact]
    public async Task QueriesFollowContinuationTokensPastOneThousandEntities()
    {
        var table = NewTable();
        await _client.CreateTableIfNotExistsAsync(table);
        const int count = 1_150;
        using var gate = new SemaphoreSlim(16);
        await Task.WhenAll(Enumerable.Range(0, count).Select(async i =>
        {
            await gate.WaitAsync();
            try
            {
                await _client.InsertAsync(table, new TableEntity("p", i.ToString("D5", System.Globalization.CultureInfo.InvariantCulture)) { ["N"] = (long)i });
            }
            finally
            {
                gate.Release();
            }
        }));

        var all = await _client.QueryAsync(table, "PartitionKey eq 'p'").ToListAsync();
        Assert.Equal(count, all.Count);
        Assert.Equal(count, all.Select(e => e.RowKey).Distinct().Count());

        var projected = await _client.QueryAsync(table, "N ge 1000L", select: ["N"], pageSize: 40).ToListAsync();
        Assert.Equal(150, projected.Count);
        Assert.All(projected, e => Assert.Equal(["N"], e.Properties.Keys));
    }

    [Fact]
    public async Task CreatingATableTwiceReportsThatItExisted()
    {
        var table = NewTable();
        Assert.True(await _client.CreateTableIfNotExistsAsync(table));
        Assert.False(await _client.CreateTableIfNotExistsAsync(table));
    }

    // Validation happens before sending: this client points at a closed port, so any request would fail differently.
    private static readonly TablesClient Offline = new(
        "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=" + TablesConnection.DevelopmentAccountKey + ";TableEndpoint=http://127.0.0.1:9/devstoreaccount1",
        new TablesClientOptions { Retry = { MaxRetries = 0 } });

    [Theory]
    [InlineData("a/b")]
    [InlineData("a\\b")]
    [InlineData("a#b")]
    [InlineData("a?b")]
    [InlineData("a\u0001b")]
    [InlineData("a\u007fb")]
    public async Task ForbiddenKeyCharactersAreRejectedBeforeSending(string key)
    {
        await Assert.ThrowsAsync<ArgumentException>(() => Offline.InsertAsync("Table1", new TableEntity("p", key)));
        await Assert.ThrowsAsync<ArgumentException>(() => Offline.InsertAsync("Table1", new TableEntity(key, "r")));
        await Assert.ThrowsAsync<ArgumentException>(() => Offline.GetAsync("Table1", "p", key));
    }

    [Fact]
    public async Task ServiceLimitsAreEnforcedBeforeSending()
    {
        var bigString = new TableEntity("p", "r") { ["S"] = new string('x', 33 * 1024) };
        var bigBinary = new TableEntity("p", "r") { ["B"] = new byte[65 * 1024] };
        var bigEntity = new TableEntity("p", "r");
        for (var i = 0; i < 20; i++)
        {
            bigEntity["B" + i] = new byte[60 * 1024];
        }

        var tooMany = new TableEntity("p", "r");
        for (var i = 0; i < 253; i++)
        {
            tooMany["P" + i] = i;
        }

        await Assert.ThrowsAsync<ArgumentException>(() => Offline.InsertAsync("Table1", bigString));
        await Assert.ThrowsAsync<ArgumentException>(() => Offline.InsertAsync("Table1", bigBinary));
        await Assert.ThrowsAsync<ArgumentException>(() => Offline.InsertAsync("Table1", bigEntity));
        await Assert.ThrowsAsync<ArgumentException>(() => Offline.InsertAsync("Table1", tooMany));
        await Assert.ThrowsAsync<ArgumentException>(() => Offline.InsertAsync("Table1", new TableEntity(new string('k', 1025), "r")));
        await Assert.ThrowsAsync<ArgumentException>(() => Offline.CreateTableIfNotExistsAsync("1bad"));
    }

    [Fact]
    public async Task TokenCredentialsAreSentAsBearerTokensForTheStorageScope()
    {
        var credential = new Mock<TokenCredential>();
        credential
            .Setup(c => c.GetTokenAsync(It.Is<TokenRequestContext>(r => r.Scopes.Single() == "https://storage.azure.com/.default"), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new AccessToken("test-token", DateTimeOffset.UtcNow.AddHours(1)));
        var handler = new RecordingHandler(HttpStatusCode.NoContent);
        var options = new TablesClientOptions { Transport = new HttpClientTransport(new HttpClient(handler)) };
        var client = new TablesClient(new Uri("https://account.table.core.windows.net/"), credential.Object, options);

        await client.UpsertAsync("Entries", new TableEntity("p", "it's"), TableUpdateMode.Merge);

        var request = Assert.Single(handler.Requests);
        Assert.Equal("Bearer test-token", request.Authorization);
        Assert.Equal("MERGE", request.Method);
        Assert.Equal("/Entries(PartitionKey='p',RowKey='it''s')", Uri.UnescapeDataString(request.Path));
        Assert.Equal("2019-02-02", request.Version);
    }

    private sealed class RecordingHandler(HttpStatusCode status) : HttpMessageHandler
    {
        public List<(string Method, string Path, string? Authorization, string? Version)> Requests { get; } = [];

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Requests.Add((request.Method.Method, request.RequestUri!.AbsolutePath, request.Headers.Authorization?.ToString(),
                request.Headers.TryGetValues("x-ms-version", out var v) ? v.Single() : null));
            var response = new HttpResponseMessage(status) { Content = new ByteArrayContent(Encoding.UTF8.GetBytes(string.Empty)) };
            response.Headers.ETag = new System.Net.Http.Headers.EntityTagHeaderValue("\"etag\"", isWeak: true);
            return Task.FromResult(response);
        }
    }
}
