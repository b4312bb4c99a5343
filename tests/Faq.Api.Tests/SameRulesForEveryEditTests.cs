using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Faq.Tests;

namespace Faq.Api.Tests;

/// <summary>
/// Every way of changing the FAQ goes through one editing service: the admin API, the review queue's attach, an import
/// through the API and the <c>faq</c> command reject the same invalid alternate with the same problem details.
/// </summary>
public sealed class SameRulesForEveryEditTests : IDisposable
{
    private const string Key = "same-rules-key-0123456789";
    private const string Piped = "do you validate parking | tickets at the desk";
    private const string Parking = "do you validate parking tickets at the desk";
    private readonly FaqApiFactory _factory;
    private readonly HttpClient _staff;
    private readonly HttpClient _patient;

    public SameRulesForEveryEditTests()
    {
        _factory = new FaqApiFactory(new() { ["Faq:Admin:Keys:0:Name"] = "staff", ["Faq:Admin:Keys:0:Key"] = Key });
        _factory.StartServer();
        _staff = _factory.CreateClient();
        _staff.DefaultRequestHeaders.Add("X-Api-Key", Key);
        _patient = _factory.CreateClient();
    }

    public void Dispose()
    {
        _staff.Dispose();
        _patient.Dispose();
        _factory.Dispose();
    }

    private async Task<(JsonElement Entry, string ETag)> Get(string id)
    {
        using var response = await _staff.GetAsync($"/api/admin/entries/{id}");
        return (await response.Content.ReadFromJsonAsync<JsonElement>(), response.Headers.ETag!.ToString());
    }

    /// <summary>The entry as staff would send it back, with one more alternate.</summary>
    private static object WithAlternate(JsonElement entry, string alternate) => new
    {
        id = entry.GetProperty("id").GetString(),
        question = entry.GetProperty("question").GetString(),
        answer = entry.GetProperty("answer").GetString(),
        alternates = entry.GetProperty("alternates").EnumerateArray().Select(a => a.GetString()).Append(alternate).ToArray(),
        tags = entry.GetProperty("tags").EnumerateArray().Select(a => a.GetString()).ToArray(),
        related = entry.GetProperty("related").EnumerateArray().Select(a => a.GetString()).ToArray(),
    };

    private static async Task<JsonElement> Problem(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>Patients ask; the review queue keeps what the bot could not answer confidently.</summary>
    private async Task<List<string>> Unanswered(string question, int times)
    {
        for (var i = 0; i < times; i++)
        {
            using var _ = await _patient.PostAsJsonAsync("/api/ask", new { question });
        }

        List<string> ids = [];
        await Polling.Eventually(async () =>
        {
            var groups = await _staff.GetFromJsonAsync<JsonElement>("/api/admin/unanswered");
            ids = [.. groups.EnumerateArray().SelectMany(g => g.GetProperty("items").EnumerateArray())
                .Where(item => item.GetProperty("question").GetString() == question)
                .Select(item => item.GetProperty("id").GetString()!)];
            return ids.Count == times;
        }, "the questions are kept for review", TimeSpan.FromSeconds(10));
        return ids;
    }

    private async Task<JsonElement> Put(string id, object entry, string etag)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, $"/api/admin/entries/{id}") { Content = JsonContent.Create(entry) };
        request.Headers.TryAddWithoutValidation("If-Match", etag);
        using var response = await _staff.SendAsync(request);
        return await Problem(response);
    }

    private async Task<JsonElement> Attach(string unansweredId, string faqId)
    {
        using var response = await _staff.PostAsJsonAsync($"/api/admin/unanswered/{unansweredId}/attach", new { faqId });
        return await Problem(response);
    }

    private async Task<JsonElement> ImportErrors(object entry)
    {
        using var response = await _staff.PostAsJsonAsync("/api/admin/import?dryRun=false", new { entries = new[] { entry } });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var row = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("rows")[0];
        Assert.Equal("reject", row.GetProperty("action").GetString());
        return row.GetProperty("errors");
    }

    private async Task<string> CommandOutput(object entry)
    {
        var file = await FaqCommand.WriteFaqFileAsync(Path.Combine(_factory.StoreFolder, "imports"), entry);
        var (code, output, error) = await FaqCommand.RunAsync("import", file, "--path", _factory.StoreFolder);
        Assert.True(code == 1, output + error);
        return output;
    }

    /// <summary>The four ways of adding <paramref name="alternate"/> to an entry; returns the errors they all give.</summary>
    private async Task<string> AllRejectAlike(string faqId, string alternate, string unansweredId)
    {
        var (entry, etag) = await Get(faqId);
        var changed = WithAlternate(entry, alternate);

        var put = await Put(faqId, changed, etag);
        var attach = await Attach(unansweredId, faqId);
        var imported = await ImportErrors(changed);
        var command = await CommandOutput(changed);

        Assert.Equal("The entry is not valid.", put.GetProperty("title").GetString());
        Assert.Equal(put.GetProperty("title").GetString(), attach.GetProperty("title").GetString());
        var errors = put.GetProperty("errors");
        Assert.Equal(errors.GetRawText(), attach.GetProperty("errors").GetRawText());
        Assert.Equal(errors.GetRawText(), imported.GetRawText());
        foreach (var field in errors.EnumerateObject())
        {
            foreach (var message in field.Value.EnumerateArray())
            {
                Assert.Contains($"{field.Name}: {message.GetString()}", command, StringComparison.Ordinal);
            }
        }

        Assert.Equal(etag, (await Get(faqId)).ETag); // nothing saved anywhere
        return errors.GetRawText();
    }

    [Fact]
    public async Task AnAlternateWithAPipeIsRejectedAlikeByTheApiTheReviewQueueImportsAndTheCommand()
    {
        var piped = await Unanswered(Piped, 1);

        var errors = await AllRejectAlike("booking", Piped, piped[0]);

        Assert.Contains("must not contain '|'", errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnAlternateAnotherEntryOwnsIsRejectedAlikeByTheApiTheReviewQueueImportsAndTheCommand()
    {
        var asked = await Unanswered(Parking, 2);
        using (var taught = await _staff.PostAsJsonAsync($"/api/admin/unanswered/{asked[0]}/attach", new { faqId = "booking" }))
        {
            Assert.Equal(HttpStatusCode.OK, taught.StatusCode);
        }

        var errors = await AllRejectAlike("insurance-cost", Parking, asked[1]);

        Assert.Contains("Entry \\\"booking\\\" already has this question or alternate.", errors, StringComparison.Ordinal);
    }
}
