using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace Faq.AzureOpenAI.Tests;

/// <summary>
/// Stands in for the Azure OpenAI service at the HTTP layer: records every request and answers each with the
/// next scripted reply (or, with none left, a well-formed embeddings response).
/// </summary>
internal sealed class FakeAzureOpenAI : HttpMessageHandler
{
    private readonly ConcurrentQueue<Func<HttpRequestMessage, string[], CancellationToken, Task<HttpResponseMessage>>> _script = new();

    public List<RecordedRequest> Requests { get; } = [];

    public int Dimensions { get; set; } = 8;

    public FakeAzureOpenAI Then(HttpStatusCode status, string body = "{}", params (string Name, string Value)[] headers)
    {
        _script.Enqueue((_, _, _) => Task.FromResult(Response(status, body, headers)));
        return this;
    }

    public FakeAzureOpenAI ThenHang()
    {
        _script.Enqueue(async (_, _, token) =>
        {
            await Task.Delay(Timeout.Infinite, token);
            throw new InvalidOperationException("unreachable");
        });
        return this;
    }

    public FakeAzureOpenAI ThenBody(Func<string[], string> body)
    {
        _script.Enqueue((_, inputs, _) => Task.FromResult(Response(HttpStatusCode.OK, body(inputs))));
        return this;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? "" : await request.Content.ReadAsStringAsync(cancellationToken);
        var json = JsonNode.Parse(body)!;
        var inputs = json["input"]!.AsArray().Select(n => n!.GetValue<string>()).ToArray();
        lock (Requests)
        {
            Requests.Add(new RecordedRequest(
                request.Method.Method,
                request.RequestUri!,
                request.Headers.ToDictionary(h => h.Key, h => string.Join(",", h.Value), StringComparer.OrdinalIgnoreCase),
                json));
        }

        return _script.TryDequeue(out var next)
            ? await next(request, inputs, cancellationToken)
            : Response(HttpStatusCode.OK, EmbeddingsBody(inputs, Dimensions));
    }

    /// <summary>A well-formed response: one vector per input, derived from the text so results are checkable.</summary>
    public static string EmbeddingsBody(string[] inputs, int dimensions, int? countOverride = null)
    {
        var data = new JsonArray();
        for (var i = 0; i < (countOverride ?? inputs.Length); i++)
        {
            var vector = new JsonArray();
            for (var d = 0; d < dimensions; d++)
            {
                vector.Add(VectorValue(inputs[Math.Min(i, inputs.Length - 1)], d));
            }

            data.Add(new JsonObject { ["object"] = "embedding", ["index"] = i, ["embedding"] = vector });
        }

        return new JsonObject
        {
            ["object"] = "list",
            ["data"] = data,
            ["model"] = "text-embedding-3-small",
            ["usage"] = new JsonObject { ["prompt_tokens"] = inputs.Length, ["total_tokens"] = inputs.Length },
        }.ToJsonString();
    }

    public static float VectorValue(string text, int dimension) => ((text.Length * 31) + dimension) % 97 / 97f;

    private static HttpResponseMessage Response(HttpStatusCode status, string body, params (string Name, string Value)[] headers)
    {
        var response = new HttpResponseMessage(status) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        foreach (var (name, value) in headers)
        {
            response.Headers.TryAddWithoutValidation(name, value);
        }

        return response;
    }

    internal sealed record RecordedRequest(string Method, Uri Uri, IReadOnlyDictionary<string, string> Headers, JsonNode Body)
    {
        public int InputCount => Body["input"]!.AsArray().Count;
    }
}
