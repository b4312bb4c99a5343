using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Faq.Tests;
using static Faq.Tests.Polling;

namespace Faq.Api.Tests;

/// <summary>The admin API, run against each store (file, and Table Storage in Azurite).</summary>
public abstract class AdminApiTests : IAsyncLifetime
{
    protected const string AliceKey = "alice-test-key-0123456789";
    private FaqApiFactory _factory = null!;

    protected HttpClient Staff { get; private set; } = null!;

    protected HttpClient Anonymous { get; private set; } = null!;

    protected abstract Task<Dictionary<string, string?>> StoreSettingsAsync();

    public async Task InitializeAsync()
    {
        var settings = await StoreSettingsAsync();
        settings["Faq:Admin:Keys:0:Name"] = "alice";
        settings["Faq:Admin:Keys:0:Key"] = AliceKey;
        settings["Faq:Admin:Keys:1:Name"] = "bob";
        settings["Faq:Admin:Keys:1:Key"] = "bob-test-key-9876543210";
        _factory = new FaqApiFactory(settings);
        _factory.StartServer();
        Staff = _factory.CreateClient();
        Staff.DefaultRequestHeaders.Add("X-Api-Key", AliceKey);
        Anonymous = _factory.CreateClient();
    }

    public virtual Task DisposeAsync()
    {
        Staff.Dispose();
        Anonymous.Dispose();
        _factory.Dispose();
        return Task.CompletedTask;
    }

    private static object Entry(string id, string question, string answer, string[]? alternates = null, string[]? related = null) =>
        new { id, question, answer, alternates = alternates ?? [], tags = new[] { "test" }, related = related ?? [] };

    private async Task<(JsonElement Body, string ETag)> GetEntry(string id)
    {
        using var response = await Staff.GetAsync($"/api/admin/entries/{id}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>(), response.Headers.ETag!.ToString());
    }

    private async Task<HttpResponseMessage> Put(string id, object body, string? etag, HttpClient? client = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, $"/api/admin/entries/{id}") { Content = JsonContent.Create(body) };
        if (etag is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", etag);
        }

        return await (client ?? Staff).SendAsync(request);
    }

    private async Task<JsonElement> Ask(string question)
    {
        using var response = await Anonymous.PostAsJsonAsync("/api/ask", new { question });
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static async Task<JsonElement> Problem(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static readonly (string Method, string Path)[] AdminRoutes =
    [
        ("GET", "/api/admin/entries"), ("GET", "/api/admin/entries/booking"), ("POST", "/api/admin/entries"),
        ("PUT", "/api/admin/entries/booking"), ("DELETE", "/api/admin/entries/booking"), ("POST", "/api/admin/entries/booking/restore"),
        ("GET", "/api/admin/entries/booking/history"), ("POST", "/api/admin/entries/booking/revert/1"), ("POST", "/api/admin/import?dryRun=true"),
        ("GET", "/api/admin/export?format=json"), ("POST", "/api/admin/try"), ("GET", "/api/admin/unanswered"),
        ("POST", "/api/admin/unanswered/x/attach"), ("DELETE", "/api/admin/unanswered/x"), ("GET", "/api/admin/feedback"),
    ];

    [Fact]
    public async Task NothingOfTheAdminSurfaceIsServedWithoutAValidKey()
    {
        foreach (var (method, path) in AdminRoutes)
        foreach (var key in new[] { null, "wrong-key", AliceKey + "x", string.Empty })
        {
            using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = JsonContent.Create(new { }) };
            if (key is not null)
            {
                request.Headers.Add("X-Api-Key", key);
            }

            using var response = await Anonymous.SendAsync(request);
            var problem = await Problem(response, HttpStatusCode.Unauthorized);
            Assert.DoesNotContain("booking", problem.ToString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task ListingSearchesEveryFieldIgnoringCaseAndAccents()
    {
        var all = await Staff.GetFromJsonAsync<JsonElement>("/api/admin/entries");
        Assert.True(all.GetArrayLength() >= 23);
        var found = await Staff.GetFromJsonAsync<JsonElement>("/api/admin/entries?q=ACHILLÉS");
        Assert.Contains(found.EnumerateArray(), e => e.GetProperty("id").GetString() == "conditions-treated");
        Assert.All(found.EnumerateArray(), e => Assert.Contains("achilles", e.ToString(), StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task CreatingAnEntryReturnsItsLocationAndETagAndTheBotAnswersItAtOnce()
    {
        using var response = await Staff.PostAsJsonAsync("/api/admin/entries", Entry(
            "parking", "Is there parking at the clinic?", "Yes: free parking behind the building.", ["where do I park", "can I park my car there"]));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("/api/admin/entries/parking", response.Headers.Location?.ToString());
        Assert.NotNull(response.Headers.ETag);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(1, body.GetProperty("version").GetInt64());
        Assert.Equal("alice", body.GetProperty("updatedBy").GetString());

        // Answered from as soon as the save returns, without waiting for the periodic refresh.
        Assert.Equal("parking", (await Ask("where can I park my car?")).GetProperty("faqId").GetString());
    }

    [Fact]
    public async Task InvalidEntriesGetFieldLevelErrorsAndNothingIsSaved()
    {
        var tooMany = Enumerable.Range(0, 51).Select(i => $"alternate number {i}").ToArray();
        using var response = await Staff.PostAsJsonAsync("/api/admin/entries", new
        {
            id = "Bad Id",
            question = new string('q', 301),
            answer = "",
            alternates = tooMany.Append("Does dry needling hurt?").Append(new string('a', 301)).ToArray(),
            related = new[] { "no-such-entry" },
        });
        var problem = await Problem(response, HttpStatusCode.BadRequest);
        var errors = problem.GetProperty("errors");
        foreach (var field in new[] { "id", "question", "answer", "alternates", "alternates[51]", "alternates[52]", "related[0]" })
        {
            Assert.True(errors.TryGetProperty(field, out _), $"expected an error for {field}: {errors}");
        }

        Assert.Contains("is-it-painful", errors.GetProperty("alternates[51]")[0].GetString(), StringComparison.Ordinal);
        using var missing = await Staff.GetAsync("/api/admin/entries/Bad%20Id");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task AnOversizedEntryBodyIsRefusedBeforeItIsRead()
    {
        using var content = new StringContent("{\"question\":\"" + new string('a', 100 * 1024) + "\"}", Encoding.UTF8, "application/json");
        using var response = await Staff.PostAsync("/api/admin/entries", content);
        await Problem(response, HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task CreatingAnExistingIdIsAConflict()
    {
        using var response = await Staff.PostAsJsonAsync("/api/admin/entries", Entry("booking", "Another booking question?", "Answer."));
        await Problem(response, HttpStatusCode.Conflict);
    }

    public static TheoryData<string, string> ImpossibleIds()
    {
        var data = new TheoryData<string, string>();
        foreach (var id in new[] { new string('a', 5000), "a%7Cb", "Booking", "two--hyphens" })
        {
            foreach (var route in new[] { "GET {0}", "PUT {0}", "DELETE {0}", "POST {0}/restore", "GET {0}/history", "POST {0}/revert/1" })
            {
                data.Add(route, id);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ImpossibleIds))]
    public async Task AnIdNoEntryCanHaveIsNotFoundNotAServerError(string route, string id)
    {
        var parts = string.Format(System.Globalization.CultureInfo.InvariantCulture, route, "/api/admin/entries/" + id).Split(' ');
        using var request = new HttpRequestMessage(new HttpMethod(parts[0]), parts[1]);
        request.Headers.TryAddWithoutValidation("If-Match", "W/\"1\"");
        if (parts[0] == "PUT")
        {
            request.Content = JsonContent.Create(Entry("booking", "How do I book?", "Call the front desk."));
        }

        using var response = await Staff.SendAsync(request);
        var problem = await Problem(response, HttpStatusCode.NotFound);
        Assert.True(problem.GetProperty("detail").GetString()!.Length < 200, "the problem does not echo a huge id");
    }

    [Theory]
    [InlineData("a%23b")]                       // '#': not allowed in a Table Storage key
    [InlineData("a%3Fb")]                       // '?'
    [InlineData("9999999999999999999-zzzzzzzz")]
    [InlineData("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")]
    public async Task AnUnansweredIdTheQueueNeverHandsOutIsNotFoundNotAServerError(string id)
    {
        using (var attach = await Staff.PostAsJsonAsync($"/api/admin/unanswered/{id}/attach", new { faqId = "booking" }))
        {
            await Problem(attach, HttpStatusCode.NotFound);
        }

        using var dismiss = await Staff.DeleteAsync($"/api/admin/unanswered/{id}");
        var problem = await Problem(dismiss, HttpStatusCode.NotFound);
        Assert.DoesNotContain(id, problem.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task UpdatesRequireIfMatchAndAStaleETagGets412WithTheCurrentVersion()
    {
        var (entry, etag) = await GetEntry("booking");
        var changed = Entry("booking", entry.GetProperty("question").GetString()!, "Call the front desk to book.");

        using (var missing = await Put("booking", changed, null))
        {
            var problem = await Problem(missing, (HttpStatusCode)428);
            Assert.Equal("https://www.rfc-editor.org/rfc/rfc6585#section-3", problem.GetProperty("type").GetString());
        }

        using (var ok = await Put("booking", changed, etag))
        {
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
            Assert.NotEqual(etag, ok.Headers.ETag!.ToString());
        }

        using (var stale = await Put("booking", Entry("booking", "How do I book?", "Overwrite attempt."), etag))
        {
            var problem = await Problem(stale, HttpStatusCode.PreconditionFailed);
            Assert.Equal("Call the front desk to book.", problem.GetProperty("current").GetProperty("answer").GetString());
            Assert.Equal(2, problem.GetProperty("current").GetProperty("version").GetInt64());
        }

        Assert.Equal("Call the front desk to book.", (await GetEntry("booking")).Body.GetProperty("answer").GetString());
    }

    [Fact]
    public async Task TwoEditorsSavingAtOnceNeverOverwriteEachOther()
    {
        var (entry, etag) = await GetEntry("aftercare");
        var question = entry.GetProperty("question").GetString()!;
        using var bob = new HttpClient { BaseAddress = Staff.BaseAddress };
        bob.DefaultRequestHeaders.Add("X-Api-Key", "bob-test-key-9876543210");

        var results = await Task.WhenAll(
            Put("aftercare", Entry("aftercare", question, "Alice's answer."), etag),
            Put("aftercare", Entry("aftercare", question, "Bob's answer."), etag, bob));

        Assert.Single(results, r => r.StatusCode == HttpStatusCode.OK);
        Assert.Single(results, r => r.StatusCode == HttpStatusCode.PreconditionFailed);
        var history = await Staff.GetFromJsonAsync<JsonElement>("/api/admin/entries/aftercare/history");
        Assert.Equal(2, history.GetArrayLength());
        foreach (var r in results)
        {
            r.Dispose();
        }
    }

    [Fact]
    public async Task ChangingTheIdInTheBodyIsRejected()
    {
        var (_, etag) = await GetEntry("booking");
        using var response = await Put("booking", Entry("booking-renamed", "How do I book?", "A."), etag);
        var problem = await Problem(response, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("id", out _));
    }

    [Fact]
    public async Task DeleteRestoreAndRevertAreEachAVersionAndAnyStepCanBeUndone()
    {
        var (entry, etag) = await GetEntry("evidence");
        var question = entry.GetProperty("question").GetString()!;
        var original = entry.GetProperty("answer").GetString()!;
        using (var mistake = await Put("evidence", Entry("evidence", question, "A wrong answer."), etag))
        {
            Assert.Equal(HttpStatusCode.OK, mistake.StatusCode);
        }

        using (var deleted = await Staff.DeleteAsync("/api/admin/entries/evidence"))
        {
            Assert.True((await deleted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("deleted").GetBoolean());
        }

        Assert.DoesNotContain("\"evidence\"", await Anonymous.GetStringAsync("/api/faqs"), StringComparison.Ordinal);

        using (var restored = await Staff.PostAsync("/api/admin/entries/evidence/restore", null))
        {
            Assert.False((await restored.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("deleted").GetBoolean());
        }

        using (var reverted = await Staff.PostAsync("/api/admin/entries/evidence/revert/1", null))
        {
            var body = await reverted.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal(original, body.GetProperty("answer").GetString());
            Assert.Equal(5, body.GetProperty("version").GetInt64());
        }

        var history = await Staff.GetFromJsonAsync<JsonElement>("/api/admin/entries/evidence/history");
        Assert.Equal(["seeded", "updated", "deleted", "restored", "reverted"], history.EnumerateArray().Select(v => v.GetProperty("change").GetString()));
        Assert.Equal("alice", history[1].GetProperty("updatedBy").GetString());
        Assert.Equal("A wrong answer.", history[1].GetProperty("answer").GetString());

        using var missingVersion = await Staff.PostAsync("/api/admin/entries/evidence/revert/99", null);
        await Problem(missingVersion, HttpStatusCode.NotFound);
        using var missingEntry = await Staff.GetAsync("/api/admin/entries/no-such-entry/history");
        await Problem(missingEntry, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task TryShowsWhyWithEachCandidatesScores()
    {
        using var response = await Staff.PostAsJsonAsync("/api/admin/try", new { question = "does it hurt?" });
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("is-it-painful", body.GetProperty("reply").GetProperty("faqId").GetString());
        var best = body.GetProperty("candidates")[0];
        Assert.Equal("is-it-painful", best.GetProperty("faqId").GetString());
        foreach (var score in new[] { "keyword", "embedding", "relevance", "confidence" })
        {
            Assert.True(best.TryGetProperty(score, out _), score);
        }
    }

    [Fact]
    public async Task JsonImportIsADryRunFirstAndAppliesWhole()
    {
        var document = new
        {
            entries = new object[]
            {
                Entry("parking", "Is there parking at the clinic?", "Yes, behind the building.", ["where do I park"], ["booking"]),
                Entry("booking", "How do I book a dry needling appointment?", "Book by phone.", ["how can I make an appointment"]),
            },
        };

        using (var dry = await Staff.PostAsJsonAsync("/api/admin/import", document))
        {
            var report = await dry.Content.ReadFromJsonAsync<JsonElement>();
            Assert.True(report.GetProperty("dryRun").GetBoolean());
            Assert.Equal(["create", "update"], report.GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("action").GetString()));
        }

        using (var missing = await Staff.GetAsync("/api/admin/entries/parking"))
        {
            Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        }

        using (var apply = await Staff.PostAsJsonAsync("/api/admin/import?dryRun=false", document))
        {
            Assert.Equal(HttpStatusCode.OK, apply.StatusCode);
            Assert.True((await apply.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("applied").GetBoolean());
        }

        Assert.Equal("Book by phone.", (await GetEntry("booking")).Body.GetProperty("answer").GetString());
        Assert.Equal(["booking"], (await GetEntry("parking")).Body.GetProperty("related").EnumerateArray().Select(r => r.GetString()));
    }

    [Fact]
    public async Task AnImportWithAnyInvalidRowAppliesNothing()
    {
        const string csv = "\uFEFFid,question,alternates,answer,tags,related\r\n"
            + "parking,Is there parking?,where do I park|car park,\"Yes, behind the building.\nFree for patients.\",clinic,\r\n"
            + "booking,How do I book?,,Changed answer,,\r\n"
            + "parking,Duplicate id?,,Another,,\r\n"
            + "BAD ID,Question?,,Answer,,\r\n"
            + "related-missing,Related?,,Answer,,no-such-entry\r\n";
        using var content = new StringContent(csv, Encoding.UTF8, "text/csv");
        using var response = await Staff.PostAsync("/api/admin/import?dryRun=false", content);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var report = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.False(report.GetProperty("applied").GetBoolean());
        var rows = report.GetProperty("rows").EnumerateArray().ToList();
        Assert.Equal(["create", "update", "reject", "reject", "reject"], rows.Select(r => r.GetProperty("action").GetString()));
        Assert.Contains("row 1", rows[2].GetProperty("errors").GetProperty("id")[0].GetString(), StringComparison.Ordinal);
        Assert.True(rows[3].GetProperty("errors").TryGetProperty("id", out _));
        Assert.True(rows[4].GetProperty("errors").TryGetProperty("related[0]", out _));

        using var parking = await Staff.GetAsync("/api/admin/entries/parking");
        Assert.Equal(HttpStatusCode.NotFound, parking.StatusCode);
        Assert.NotEqual("Changed answer", (await GetEntry("booking")).Body.GetProperty("answer").GetString());
    }

    [Fact]
    public async Task CsvImportKeepsQuotedCommasQuotesAndLineBreaks()
    {
        const string csv = "id,question,alternates,answer,tags,related\n"
            + "parking,\"Parking, and \"\"validation\"\"?\",where do I park,\"Line one, with comma.\r\nLine two \"\"quoted\"\".\",clinic|access,booking\n";
        using var content = new StringContent(csv, Encoding.UTF8, "text/csv");
        using var response = await Staff.PostAsync("/api/admin/import?dryRun=false", content);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var entry = (await GetEntry("parking")).Body;
        Assert.Equal("Parking, and \"validation\"?", entry.GetProperty("question").GetString());
        Assert.Equal("Line one, with comma.\r\nLine two \"quoted\".", entry.GetProperty("answer").GetString());
        Assert.Equal(["clinic", "access"], entry.GetProperty("tags").EnumerateArray().Select(t => t.GetString()));
    }

    [Theory]
    [InlineData("text/plain", "id,question\n", HttpStatusCode.UnsupportedMediaType)]
    [InlineData("text/csv", "id,question\nx,y\n", HttpStatusCode.BadRequest)]
    [InlineData("text/csv", "id,question,alternates,answer,tags,related\n\"never closed,x,y,z,,\n", HttpStatusCode.BadRequest)]
    [InlineData("application/json", "{\"entries\": 5}", HttpStatusCode.BadRequest)]
    [InlineData("application/json", "not json", HttpStatusCode.BadRequest)]
    public async Task UnreadableImportsSayWhy(string contentType, string body, HttpStatusCode status)
    {
        using var content = new StringContent(body, Encoding.UTF8, contentType);
        using var response = await Staff.PostAsync("/api/admin/import", content);
        var problem = await Problem(response, status);
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("detail").GetString()));
    }

    [Theory]
    [InlineData("json", "application/json")]
    [InlineData("csv", "text/csv")]
    public async Task ExportRoundTripsThroughImportUnchanged(string format, string mediaType)
    {
        using var export = await Staff.GetAsync($"/api/admin/export?format={format}");
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        Assert.Equal(mediaType, export.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", export.Content.Headers.ContentDisposition?.DispositionType);
        var bytes = await export.Content.ReadAsByteArrayAsync();

        using var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue(mediaType);
        using var dry = await Staff.PostAsync("/api/admin/import?dryRun=true", content);
        var report = await dry.Content.ReadFromJsonAsync<JsonElement>();
        var summary = report.GetProperty("summary");
        Assert.Equal(0, summary.GetProperty("created").GetInt32());
        Assert.Equal(0, summary.GetProperty("updated").GetInt32());
        Assert.Equal(0, summary.GetProperty("rejected").GetInt32());
        Assert.True(summary.GetProperty("unchanged").GetInt32() >= 23);
    }

    [Fact]
    public async Task UnansweredQuestionsAreRedactedGroupedAndCanBeTaughtToTheBot()
    {
        await Ask("do you validate parking tickets? I'm Sarah, 555-010-0199");
        await Ask("do you validate parking tickets at the clinic");
        await Ask("Does dry needling hurt?");

        JsonElement groups = default;
        await Eventually(async () =>
        {
            groups = await Staff.GetFromJsonAsync<JsonElement>("/api/admin/unanswered");
            return groups.EnumerateArray().Sum(g => g.GetProperty("count").GetInt32()) >= 2;
        }, "the unanswered questions are recorded", TimeSpan.FromSeconds(5));

        var parking = groups.EnumerateArray().Single(g => g.GetProperty("question").GetString()!.Contains("parking", StringComparison.Ordinal));
        Assert.Equal(2, parking.GetProperty("count").GetInt32());
        var redacted = parking.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("question").GetString()!).Single(q => q.Contains("[name]", StringComparison.Ordinal));
        Assert.DoesNotContain("Sarah", redacted, StringComparison.Ordinal);
        Assert.DoesNotContain("555", redacted, StringComparison.Ordinal);
        Assert.DoesNotContain(groups.EnumerateArray(), g => g.ToString().Contains("Does dry needling hurt", StringComparison.Ordinal));

        var item = parking.GetProperty("items").EnumerateArray().First(i => !i.GetProperty("question").GetString()!.Contains('[', StringComparison.Ordinal));
        using (var attach = await Staff.PostAsJsonAsync($"/api/admin/unanswered/{item.GetProperty("id").GetString()}/attach", new { faqId = "booking" }))
        {
            Assert.Equal(HttpStatusCode.OK, attach.StatusCode);
            Assert.Contains(item.GetProperty("question").GetString(), (await attach.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("alternates").EnumerateArray().Select(a => a.GetString()));
        }

        Assert.Equal("booking", (await Ask(item.GetProperty("question").GetString()!)).GetProperty("faqId").GetString());

        var other = parking.GetProperty("items").EnumerateArray().First(i => i.GetProperty("id").GetString() != item.GetProperty("id").GetString());
        using (var dismiss = await Staff.DeleteAsync($"/api/admin/unanswered/{other.GetProperty("id").GetString()}"))
        {
            Assert.Equal(HttpStatusCode.NoContent, dismiss.StatusCode);
        }

        using (var again = await Staff.DeleteAsync($"/api/admin/unanswered/{other.GetProperty("id").GetString()}"))
        {
            await Problem(again, HttpStatusCode.NotFound);
        }

        using var unknownEntry = await Staff.PostAsJsonAsync("/api/admin/unanswered/nope/attach", new { faqId = "booking" });
        await Problem(unknownEntry, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task FeedbackIsCountedPerEntryAndValidated()
    {
        using (var up = await Anonymous.PostAsJsonAsync("/api/feedback", new { faqId = "is-it-painful", helpful = true }))
        {
            Assert.Equal(HttpStatusCode.Accepted, up.StatusCode);
        }

        using (var down = await Anonymous.PostAsJsonAsync("/api/feedback", new { faqId = "is-it-painful", helpful = false }))
        {
            Assert.Equal(HttpStatusCode.Accepted, down.StatusCode);
        }

        using (var unknown = await Anonymous.PostAsJsonAsync("/api/feedback", new { faqId = "nope", helpful = true }))
        {
            Assert.True((await Problem(unknown, HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("faqId", out _));
        }

        using (var noVote = await Anonymous.PostAsJsonAsync("/api/feedback", new { faqId = "is-it-painful" }))
        {
            Assert.True((await Problem(noVote, HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("helpful", out _));
        }

        var counts = await Staff.GetFromJsonAsync<JsonElement>("/api/admin/feedback");
        var painful = counts.EnumerateArray().Single(c => c.GetProperty("faqId").GetString() == "is-it-painful");
        Assert.Equal(1, painful.GetProperty("helpful").GetInt64());
        Assert.Equal(1, painful.GetProperty("unhelpful").GetInt64());
    }
}

public sealed class FileStoreAdminApiTests : AdminApiTests
{
    protected override Task<Dictionary<string, string?>> StoreSettingsAsync() => Task.FromResult(new Dictionary<string, string?>());
}

/// <summary>Each test gets its own tenant in one shared emulator.</summary>
public sealed class TablesAdminApiTests(AzuriteForClass azurite) : AdminApiTests, IClassFixture<AzuriteForClass>
{
    protected override async Task<Dictionary<string, string?>> StoreSettingsAsync() => new()
    {
        ["Faq:Store"] = "Tables",
        ["Faq:Tables:ConnectionString"] = (await azurite.GetAsync()).ConnectionString,
        ["Faq:Tenant"] = "admin" + Guid.NewGuid().ToString("N")[..8],
    };
}

/// <summary>One in-memory Azurite for a test class.</summary>
public sealed class AzuriteForClass : IAsyncLifetime
{
    private AzuriteProcess? _azurite;

    public async Task<AzuriteProcess> GetAsync() => _azurite ??= await AzuriteProcess.StartAsync();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_azurite is not null)
        {
            await _azurite.DisposeAsync();
        }
    }
}
