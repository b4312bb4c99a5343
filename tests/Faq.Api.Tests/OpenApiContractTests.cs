using System.Text.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Faq.Api.Tests;

public sealed class OpenApiContractTests : IClassFixture<FaqApiFactory>
{
    private readonly FaqApiFactory _factory;
    private readonly JsonElement _document;

    public OpenApiContractTests(FaqApiFactory factory)
    {
        _factory = factory;
        factory.StartServer();
        using var client = factory.CreateClient();
        _document = JsonDocument.Parse(client.GetStringAsync("/api/openapi.json").GetAwaiter().GetResult()).RootElement;
    }

    private HashSet<string> MappedOperations() => _factory.Services.GetRequiredService<EndpointDataSource>().Endpoints
        .OfType<RouteEndpoint>()
        .Where(e => e.RoutePattern.RawText?.StartsWith("/api", StringComparison.Ordinal) == true && e.RoutePattern.RawText != "/api/openapi.json")
        .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"])
            .Select(m => $"{m} {Normalise(e.RoutePattern.RawText!)}"))
        .ToHashSet();

    // Route constraints ("{version:long}") and trailing slashes do not change the path a client calls.
    private static string Normalise(string pattern) =>
        System.Text.RegularExpressions.Regex.Replace(pattern, @"\{(\w+)(:[^}]*)?\}", "{$1}").TrimEnd('/');

    private HashSet<string> DocumentedOperations() => _document.GetProperty("paths").EnumerateObject()
        .SelectMany(p => p.Value.EnumerateObject().Select(o => $"{o.Name.ToUpperInvariant()} {Normalise(p.Name)}"))
        .ToHashSet();

    [Fact]
    public void EveryMappedRouteIsDocumentedAndNothingElse()
    {
        var mapped = MappedOperations();
        var documented = DocumentedOperations();
        Assert.True(mapped.Count >= 20, string.Join(", ", mapped));
        Assert.Empty(mapped.Except(documented));
        Assert.Empty(documented.Except(mapped));
    }

    [Fact]
    public void EveryReferenceResolves()
    {
        var schemas = _document.GetProperty("components").GetProperty("schemas");
        foreach (var reference in References(_document))
        {
            Assert.StartsWith("#/components/schemas/", reference, StringComparison.Ordinal);
            Assert.True(schemas.TryGetProperty(reference["#/components/schemas/".Length..], out _), reference);
        }
    }

    [Fact]
    public void ErrorResponsesAreProblemDetailsAndAdminNeedsAKey()
    {
        foreach (var path in _document.GetProperty("paths").EnumerateObject())
        foreach (var operation in path.Value.EnumerateObject())
        {
            var responses = operation.Value.GetProperty("responses");
            Assert.True(responses.TryGetProperty("429", out _), $"{operation.Name} {path.Name} documents 429");
            foreach (var response in responses.EnumerateObject().Where(r => r.Name[0] is '4' or '5' && r.Name != "422"))
            {
                Assert.True(response.Value.GetProperty("content").TryGetProperty("application/problem+json", out _), $"{operation.Name} {path.Name} {response.Name}");
            }

            if (path.Name.StartsWith("/api/admin", StringComparison.Ordinal))
            {
                Assert.Contains("adminKey", operation.Value.GetProperty("security").ToString(), StringComparison.Ordinal);
                Assert.True(responses.TryGetProperty("401", out _));
            }
        }

        var schemes = _document.GetProperty("components").GetProperty("securitySchemes");
        Assert.Equal("X-Api-Key", schemes.GetProperty("adminKey").GetProperty("name").GetString());
    }

    [Theory]
    [InlineData("AskRequest")]
    [InlineData("AskResponse")]
    [InlineData("FeedbackRequest")]
    [InlineData("EntryInput")]
    [InlineData("AttachRequest")]
    [InlineData("TryRequest")]
    public void ExamplesValidateAgainstTheirSchemas(string name)
    {
        var schema = _document.GetProperty("components").GetProperty("schemas").GetProperty(name);
        var examples = schema.GetProperty("examples");
        Assert.True(examples.GetArrayLength() > 0);
        foreach (var example in examples.EnumerateArray())
        {
            foreach (var required in schema.GetProperty("required").EnumerateArray())
            {
                Assert.True(example.TryGetProperty(required.GetString()!, out _), $"{name} example lacks {required}");
            }

            foreach (var property in example.EnumerateObject())
            {
                Assert.True(schema.GetProperty("properties").TryGetProperty(property.Name, out var declared), $"{name}.{property.Name} is not declared");
                Assert.True(TypeMatches(declared, property.Value), $"{name}.{property.Name}: {property.Value.ValueKind} does not match {declared}");
            }
        }
    }

    private static bool TypeMatches(JsonElement schema, JsonElement value)
    {
        if (!schema.TryGetProperty("type", out var type))
        {
            return true; // a $ref or composite: structure checked elsewhere
        }

        var types = type.ValueKind == JsonValueKind.Array ? type.EnumerateArray().Select(t => t.GetString()).ToList() : [type.GetString()];
        return value.ValueKind switch
        {
            JsonValueKind.String => types.Contains("string"),
            JsonValueKind.Number => types.Contains("number") || types.Contains("integer"),
            JsonValueKind.True or JsonValueKind.False => types.Contains("boolean"),
            JsonValueKind.Array => types.Contains("array"),
            JsonValueKind.Object => types.Contains("object"),
            JsonValueKind.Null => types.Contains("null"),
            _ => false,
        };
    }

    private static IEnumerable<string> References(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    if (property.Name == "$ref")
                    {
                        yield return property.Value.GetString()!;
                    }

                    foreach (var nested in References(property.Value))
                    {
                        yield return nested;
                    }
                }

                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    foreach (var nested in References(item))
                    {
                        yield return nested;
                    }
                }

                break;
        }
    }
}
