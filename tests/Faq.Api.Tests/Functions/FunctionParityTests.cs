using System.Net.Http.Headers;
using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Faq.Api.Functions;
using Faq.Api.Webhooks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Faq.Api.Tests.Functions;

/// <summary>The app the parity tests ask twice: with the staff key, a clinic origin for CORS and Twilio configured.</summary>
public sealed class ParityApp : IDisposable
{
    public const string AdminKey = "parity-admin-key-0123456789";
    public const string Origin = "https://clinic.example";
    public const string TwilioToken = "parity-twilio-token";
    public const string PublicBase = "https://faq.clinic.example";

    public ParityApp()
    {
        Factory = new FaqApiFactory(new()
        {
            ["Faq:Admin:Keys:0:Name"] = "dana",
            ["Faq:Admin:Keys:0:Key"] = AdminKey,
            ["Faq:Widget:AllowedOrigins:0"] = Origin,
            ["Faq:Twilio:AuthToken"] = TwilioToken,
            ["Faq:Twilio:PublicBaseUrl"] = PublicBase,
        });
        Factory.StartServer();
        using var client = Factory.CreateClient();
        BaseAddress = client.BaseAddress!;
    }

    internal FaqApiFactory Factory { get; }

    /// <summary>Where the app listens (Kestrel on a free port).</summary>
    internal Uri BaseAddress { get; }

    public void Dispose() => Factory.Dispose();
}

/// <summary>
/// Each function, invoked in process the way the isolated worker invokes it (an <see cref="HttpContext"/> whose
/// services are a scope of the app's container; the function chosen by the route and methods in functions.metadata, as
/// the host chooses it), answers exactly as the local app does over HTTP: status, content type, the headers that
/// carry meaning, and the body (without its per-request trace id).
/// </summary>
public sealed class FunctionParityTests(ParityApp app) : IClassFixture<ParityApp>
{
    private static readonly FunctionApp Functions = FunctionApp.Load();

    private static readonly string[] ComparedHeaders =
    [
        "Location", "ETag", "Cache-Control", "Retry-After", "Allow", "WWW-Authenticate",
        "Access-Control-Allow-Origin", "Access-Control-Allow-Methods", "Access-Control-Allow-Headers", "Access-Control-Max-Age",
    ];

    private static readonly Dictionary<string, string> Sms = new() { ["Body"] = "Does dry needling hurt?", ["From"] = "+15550001111", ["To"] = "+15550009999" };

    public static TheoryData<string, string, string?, string?, string?> Requests => new()
    {
        // method, path, body, content type, "Header: value" lines
        { "POST", "/api/ask", """{"question":"Does dry needling hurt?","channel":"sms","sessionId":"s-1"}""", "application/json", null },
        { "POST", "/api/ask", """{"question":"I can't breathe after my session"}""", "application/json", null },
        { "POST", "/api/ask", """{"question":" "}""", "application/json", null },
        { "POST", "/api/ask", """{"question": """, "application/json", null },
        { "POST", "/api/ask", "question=hi", "text/plain", null },
        { "OPTIONS", "/api/ask", null, null, $"Origin: {ParityApp.Origin}\nAccess-Control-Request-Method: POST\nAccess-Control-Request-Headers: content-type" },
        { "POST", "/api/ask", """{"question":"how many sessions"}""", "application/json", $"Origin: {ParityApp.Origin}" },
        { "GET", "/api/faqs", null, null, null },
        { "GET", "/api/health", null, null, null },
        { "GET", "/api/openapi.json", null, null, null },
        { "POST", "/api/feedback", """{"faqId":"no-such-entry","helpful":true}""", "application/json", null },
        { "POST", "/api/webhooks/twilio", "Body=hi&From=%2B15550001111", "application/x-www-form-urlencoded", null },
        { "POST", "/api/webhooks/twilio", "Body=Does%20dry%20needling%20hurt%3F&From=%2B15550001111&To=%2B15550009999", "application/x-www-form-urlencoded",
            "X-Twilio-Signature: " + TwilioSignature.Compute(ParityApp.TwilioToken, ParityApp.PublicBase + "/api/webhooks/twilio", Sms) },
        { "GET", "/api/admin/entries", null, null, null },
        { "GET", "/api/admin/entries", null, null, "X-Api-Key: not-the-key" },
        { "GET", "/api/admin/entries/is-it-painful", null, null, $"X-Api-Key: {ParityApp.AdminKey}" },
        { "GET", "/api/admin/entries/no-such-entry", null, null, $"X-Api-Key: {ParityApp.AdminKey}" },
        { "PUT", "/api/admin/entries/is-it-painful", """{"id":"is-it-painful"}""", "application/json", $"X-Api-Key: {ParityApp.AdminKey}" },
        { "GET", "/api/admin/feedback", null, null, $"X-Api-Key: {ParityApp.AdminKey}" },
        { "GET", "/widget/faq-widget.js", null, null, null },
        { "GET", "/widget/no-such-file.js", null, null, null },
        { "GET", "/staff/", null, null, null },
        { "GET", "/staff", null, null, null },
    };

    [Theory]
    [MemberData(nameof(Requests))]
    public async Task AFunctionAnswersAsTheLocalAppDoes(string method, string path, string? body, string? contentType, string? headers)
    {
        var requestHeaders = (headers ?? string.Empty).Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split(':', 2)).Select(pair => (Name: pair[0].Trim(), Value: pair[1].Trim())).ToList();

        var local = await AskTheLocalApp(method, path, body, contentType, requestHeaders);
        var function = await AskTheFunction(method, path, body, contentType, requestHeaders);

        Assert.Equal(local.Status, function.Status);
        Assert.Equal(local.ContentType, function.ContentType);
        foreach (var name in ComparedHeaders)
        {
            Assert.Equal(HeaderValues(local.Headers.GetValueOrDefault(name)), HeaderValues(function.Headers.GetValueOrDefault(name)));
        }

        Assert.Equal(Normalise(local.Body), Normalise(function.Body));
    }

    [Fact]
    public void EveryFunctionIsExercisedByAParityCase()
    {
        var exercised = Requests.Select(row => ((string)row[0], (string)row[1]))
            .Select(request => Functions.Functions.Single(f => f.Matches(request.Item1, request.Item2)).Name)
            .ToHashSet(StringComparer.Ordinal);

        Assert.Equal(Functions.Functions.Select(f => f.Name).Order(StringComparer.Ordinal), exercised.Order(StringComparer.Ordinal));
    }

    private sealed record Answer(int Status, string? ContentType, Dictionary<string, string> Headers, string Body);

    private async Task<Answer> AskTheLocalApp(string method, string path, string? body, string? contentType, List<(string Name, string Value)> headers)
    {
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = app.BaseAddress };
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (body is not null)
        {
            request.Content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
            request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType!);
        }

        foreach (var (name, value) in headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        using var response = await client.SendAsync(request);
        var all = response.Headers.Concat(response.Content.Headers)
            .ToDictionary(h => h.Key, h => string.Join(",", h.Value), StringComparer.OrdinalIgnoreCase);
        return new Answer((int)response.StatusCode, Media(response.Content.Headers.ContentType?.ToString()), all, await response.Content.ReadAsStringAsync());
    }

    private async Task<Answer> AskTheFunction(string method, string path, string? body, string? contentType, List<(string Name, string Value)> headers)
    {
        using var scope = app.Factory.Services.CreateScope();
        var context = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
        context.Request.Method = method;
        context.Request.Path = path;
        context.Request.Scheme = "http";
        context.Request.Host = new HostString(app.BaseAddress.Authority); // what the HTTP client sends the local app
        context.Request.Protocol = "HTTP/1.1";
        if (body is not null)
        {
            context.Request.ContentType = contentType;
            context.Request.Body = new MemoryStream(Encoding.UTF8.GetBytes(body));
            context.Request.ContentLength = context.Request.Body.Length;
            // Kestrel says whether a request can have a body; without this, minimal APIs read none.
            context.Features.Set<IHttpRequestBodyDetectionFeature>(new RequestHasBody());
        }

        foreach (var (name, value) in headers)
        {
            context.Request.Headers.Append(name, value);
        }

        var response = new ServerResponse();
        context.Features.Set<IHttpResponseFeature>(response);
        var responseBody = new MemoryStream();
        context.Response.Body = responseBody;

        // The host's choice: the one function whose route and methods accept the request; then what the worker does.
        var function = Assert.Single(Functions.Functions, f => f.Matches(method, path));
        var entryPoint = typeof(HttpFunctions).GetMethod(function.EntryPoint[(function.EntryPoint.LastIndexOf('.') + 1)..], BindingFlags.Public | BindingFlags.Static)!;
        var result = await (Task<IResult>)entryPoint.Invoke(null, [context.Request])!;
        await result.ExecuteAsync(context);
        await response.StartAsync();

        var all = context.Response.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        return new Answer(context.Response.StatusCode, Media(context.Response.ContentType), all, Encoding.UTF8.GetString(responseBody.ToArray()));
    }

    // HttpClient re-formats the headers it parses ("no-cache,no-store" arrives as "no-store, no-cache").
    private static string? HeaderValues(string? value) =>
        value is null ? null : string.Join(",", value.Split(',', StringSplitOptions.TrimEntries).Order(StringComparer.OrdinalIgnoreCase));

    private static string? Media(string? contentType) =>
        contentType is null ? null : MediaTypeHeaderValue.Parse(contentType).ToString();

    // JSON without the values that differ per request by design: the trace id, and the refresher's timestamps.
    private static string Normalise(string body)
    {
        if (!body.StartsWith('{') && !body.StartsWith('['))
        {
            return body;
        }

        var json = JsonNode.Parse(body)!;
        if (json is JsonObject top)
        {
            top.Remove("traceId");
            top.Remove("lastStoreSuccess");
        }

        return json.ToJsonString(new JsonSerializerOptions { WriteIndented = false });
    }

    private sealed class RequestHasBody : IHttpRequestBodyDetectionFeature
    {
        public bool CanHaveBody => true;
    }

    /// <summary>
    /// A response that runs its on-starting callbacks as a server does when it sends the headers (CORS and the
    /// exception handler set headers there); the test sends them once the function has finished.
    /// </summary>
    private sealed class ServerResponse : HttpResponseFeature
    {
        private readonly Stack<(Func<object, Task> Callback, object State)> _starting = new();

        public override void OnStarting(Func<object, Task> callback, object state) => _starting.Push((callback, state));

        public async Task StartAsync()
        {
            while (_starting.TryPop(out var starting))
            {
                await starting.Callback(starting.State);
            }
        }
    }
}
