using System.Text.Json;
using Faq.Tests;
using Microsoft.AspNetCore.Routing.Template;

namespace Faq.Api.Tests.Functions;

/// <summary>
/// The Azure Functions definition: host.json, and the functions the Worker SDK found in the app's <c>[Function]</c>
/// methods and wrote to <c>functions.metadata</c> (at build, next to the app and, through the project reference, next
/// to this test assembly; a publish ships the same file).
/// </summary>
internal sealed record FunctionApp(string RoutePrefix, bool HasCustomHandler, IReadOnlyList<FunctionRoute> Functions)
{
    public const string MetadataFile = "functions.metadata";

    /// <summary>The repository's host.json with the functions built into this test run.</summary>
    public static FunctionApp Load() => Load(Repository.Root, AppContext.BaseDirectory);

    /// <summary>Reads host.json from <paramref name="hostFolder"/> and functions.metadata from <paramref name="metadataFolder"/>.</summary>
    public static FunctionApp Load(string hostFolder, string metadataFolder)
    {
        using var host = JsonDocument.Parse(File.ReadAllText(Path.Combine(hostFolder, "host.json")));
        var root = host.RootElement;
        var prefix = root.GetProperty("extensions").GetProperty("http").GetProperty("routePrefix").GetString()!;
        using var metadata = JsonDocument.Parse(File.ReadAllText(Path.Combine(metadataFolder, MetadataFile)));
        var functions = metadata.RootElement.EnumerateArray()
            .Select(function => FunctionRoute.Load(function, prefix))
            .OrderBy(f => f.Name, StringComparer.Ordinal)
            .ToList();
        return new FunctionApp(prefix, root.TryGetProperty("customHandler", out _), functions);
    }
}

/// <summary>One HTTP-triggered function: its methods, its full route template (prefix included), auth level and entry point.</summary>
internal sealed record FunctionRoute(string Name, string Language, string EntryPoint, string AuthLevel, IReadOnlySet<string> Methods, string Template, IReadOnlyList<string> BindingTypes)
{
    private readonly TemplateMatcher _matcher = new(TemplateParser.Parse(Template), []);

    public static FunctionRoute Load(JsonElement function, string prefix)
    {
        var bindings = function.GetProperty("bindings").EnumerateArray().ToList();
        var trigger = bindings.Single(b => b.GetProperty("type").GetString() == "httpTrigger");
        var route = trigger.GetProperty("route").GetString()!;
        return new FunctionRoute(
            function.GetProperty("name").GetString()!,
            function.GetProperty("language").GetString()!,
            function.GetProperty("entryPoint").GetString()!,
            trigger.GetProperty("authLevel").GetString()!.ToLowerInvariant(),
            trigger.GetProperty("methods").EnumerateArray().Select(m => m.GetString()!.ToUpperInvariant()).ToHashSet(StringComparer.Ordinal),
            string.IsNullOrEmpty(prefix) ? route : prefix.Trim('/') + "/" + route,
            [.. bindings.Select(b => b.GetProperty("type").GetString()! + ":" + b.GetProperty("direction").GetString()!.ToLowerInvariant())]);
    }

    /// <summary>Whether the host would send a request with this method and path to this function.</summary>
    public bool Matches(string method, string path) =>
        Methods.Contains(method) && _matcher.TryMatch(path, []);
}
