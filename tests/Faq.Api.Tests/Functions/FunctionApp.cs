using System.Text.Json;
using Faq.Tests;
using Microsoft.AspNetCore.Routing.Template;

namespace Faq.Api.Tests.Functions;

/// <summary>The Azure Functions definition in the repository: host.json and one function.json per function.</summary>
internal sealed record FunctionApp(string RoutePrefix, string ExecutablePath, bool ForwardsHttp, IReadOnlyList<FunctionRoute> Functions)
{
    public static FunctionApp Load() => Load(Repository.Root, Repository.PathOf("src", "Faq.Api", "Functions"));

    /// <summary>Reads host.json from <paramref name="hostFolder"/> and every function folder under <paramref name="functionsFolder"/>.</summary>
    public static FunctionApp Load(string hostFolder, string functionsFolder)
    {
        using var host = JsonDocument.Parse(File.ReadAllText(Path.Combine(hostFolder, "host.json")));
        var root = host.RootElement;
        var prefix = root.GetProperty("extensions").GetProperty("http").GetProperty("routePrefix").GetString()!;
        var handler = root.GetProperty("customHandler");
        var functions = Directory.GetDirectories(functionsFolder)
            .Where(d => File.Exists(Path.Combine(d, "function.json")))
            .Select(d => FunctionRoute.Load(Path.GetFileName(d), Path.Combine(d, "function.json"), prefix))
            .OrderBy(f => f.Name, StringComparer.Ordinal)
            .ToList();
        return new FunctionApp(
            prefix,
            handler.GetProperty("description").GetProperty("defaultExecutablePath").GetString()!,
            handler.GetProperty("enableForwardingHttpRequest").GetBoolean(),
            functions);
    }
}

/// <summary>One HTTP-triggered function: its methods, its full route template (prefix included) and auth level.</summary>
internal sealed record FunctionRoute(string Name, string AuthLevel, IReadOnlySet<string> Methods, string Template, IReadOnlyList<string> BindingTypes)
{
    private readonly TemplateMatcher _matcher = new(TemplateParser.Parse(Template), []);

    public static FunctionRoute Load(string name, string path, string prefix)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        var bindings = document.RootElement.GetProperty("bindings").EnumerateArray().ToList();
        var trigger = bindings.Single(b => b.GetProperty("type").GetString() == "httpTrigger");
        var route = trigger.GetProperty("route").GetString()!;
        return new FunctionRoute(
            name,
            trigger.GetProperty("authLevel").GetString()!,
            trigger.GetProperty("methods").EnumerateArray().Select(m => m.GetString()!.ToUpperInvariant()).ToHashSet(StringComparer.Ordinal),
            string.IsNullOrEmpty(prefix) ? route : prefix.Trim('/') + "/" + route,
            [.. bindings.Select(b => b.GetProperty("type").GetString()! + ":" + b.GetProperty("direction").GetString())]);
    }

    /// <summary>Whether the host would send a request with this method and path to this function.</summary>
    public bool Matches(string method, string path) =>
        Methods.Contains(method) && _matcher.TryMatch(path, []);
}
