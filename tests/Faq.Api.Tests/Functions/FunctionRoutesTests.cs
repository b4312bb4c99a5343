using Faq.Api.Functions;
using Faq.Tests;
using Microsoft.AspNetCore.Cors.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;

namespace Faq.Api.Tests.Functions;

/// <summary>
/// The functions the app declares (functions.metadata) against the routes the app really maps (its endpoint data
/// source): the Functions host routes a request only if a function's route and methods accept it, so every app route
/// needs exactly one function, with a function key exactly where the app wants staff, and no function may point at
/// nothing.
/// </summary>
public sealed class FunctionRoutesTests : IClassFixture<FaqApiFactory>
{
    private readonly FunctionApp _app = FunctionApp.Load();
    private readonly IReadOnlyList<(string Method, string Path, RouteEndpoint Endpoint)> _routes;

    public FunctionRoutesTests(FaqApiFactory factory)
    {
        factory.StartServer();
        _routes = [.. factory.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"])
                .Select(method => (method, SamplePath(e.RoutePattern), e)))];
    }

    /// <summary>A concrete request path for a route pattern (parameters filled with plausible values).</summary>
    private static string SamplePath(RoutePattern pattern) => "/" + string.Join("/", pattern.PathSegments.Select(segment =>
        string.Concat(segment.Parts.Select(part => part switch
        {
            RoutePatternLiteralPart literal => literal.Content,
            RoutePatternParameterPart { IsCatchAll: true } => "some/path",
            RoutePatternParameterPart p when p.ParameterPolicies.Any(x => x.Content is "long" or "int") => "3",
            RoutePatternParameterPart => "needling-pain",
            RoutePatternSeparatorPart separator => separator.Content,
            _ => throw new InvalidOperationException($"Unexpected route part in {pattern.RawText}"),
        })))).TrimEnd('/');

    [Fact]
    public void TheHostRunsTheIsolatedWorkerAndEveryFunctionHandsItsRequestToTheApp()
    {
        Assert.False(_app.HasCustomHandler);
        Assert.Equal(string.Empty, _app.RoutePrefix); // routes are written in full (api/ask), as the app maps them
        Assert.NotEmpty(_app.Functions);
        Assert.All(_app.Functions, f =>
        {
            Assert.Equal("dotnet-isolated", f.Language);
            Assert.Equal(["httptrigger:in", "http:out"], f.BindingTypes.Select(b => b.ToLowerInvariant()));
            Assert.StartsWith(typeof(HttpFunctions).FullName + ".", f.EntryPoint, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void EveryMappedRouteIsReachableThroughExactlyOneFunction()
    {
        Assert.NotEmpty(_routes);
        foreach (var (method, path, endpoint) in _routes)
        {
            var functions = _app.Functions.Where(f => f.Matches(method, path)).Select(f => f.Name).ToList();
            Assert.True(functions.Count == 1, $"{method} {path} ({endpoint.RoutePattern.RawText}) is reached by [{string.Join(", ", functions)}]");
        }
    }

    [Fact]
    public void EveryFunctionRouteLeadsToTheApp()
    {
        var staticFolders = Directory.GetDirectories(Repository.PathOf("src", "Faq.Api", "wwwroot")).Select(Path.GetFileName).ToHashSet();
        foreach (var function in _app.Functions)
        {
            var served = _routes.Where(r => function.Matches(r.Method, r.Path)).ToList();
            var staticFolder = function.Template.Split('/')[0];
            if (served.Count == 0)
            {
                // Static files: the route's first segment is a folder of wwwroot, served for GET and HEAD.
                Assert.True(staticFolders.Contains(staticFolder), $"function {function.Name} ({function.Template}) points at nothing");
                Assert.Subset(new HashSet<string> { "GET", "HEAD" }, function.Methods.ToHashSet());
                continue;
            }

            foreach (var method in function.Methods.Where(m => m != "OPTIONS"))
            {
                Assert.True(served.Any(r => r.Method == method), $"function {function.Name} accepts {method}, which no app route under it serves");
            }

            // OPTIONS is only for CORS preflight, on routes with a CORS policy.
            if (function.Methods.Contains("OPTIONS"))
            {
                Assert.All(served, r => Assert.NotNull(r.Endpoint.Metadata.GetMetadata<ICorsMetadata>()));
            }
        }
    }

    [Fact]
    public void EveryStaticFolderHasAFunction()
    {
        foreach (var folder in Directory.GetDirectories(Repository.PathOf("src", "Faq.Api", "wwwroot")).Select(Path.GetFileName))
        {
            Assert.Contains(_app.Functions, f => f.Matches("GET", $"/{folder}/index.html"));
        }
    }

    [Fact]
    public void StaffRoutesNeedAFunctionKeyAndNothingPublicDoes()
    {
        foreach (var function in _app.Functions)
        {
            var needsStaff = _routes.Any(r => function.Matches(r.Method, r.Path) && r.Endpoint.Metadata.GetMetadata<IAuthorizeData>() is not null);
            Assert.Equal(needsStaff ? "function" : "anonymous", function.AuthLevel);
        }

        Assert.Equal("function", _app.Functions.Single(f => f.Name == "admin").AuthLevel);
    }

    [Fact]
    public void NoRouteUsesTheHostsReservedPaths()
    {
        // The Functions host keeps /admin and /runtime for itself and rejects function routes that start with them.
        Assert.All(_app.Functions, f => Assert.False(
            f.Template.StartsWith("admin", StringComparison.OrdinalIgnoreCase) || f.Template.StartsWith("runtime", StringComparison.OrdinalIgnoreCase),
            f.Template));
        Assert.DoesNotContain(_routes, r => r.Path.StartsWith("/admin", StringComparison.OrdinalIgnoreCase));
    }
}
