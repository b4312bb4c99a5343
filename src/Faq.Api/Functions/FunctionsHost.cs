using Microsoft.Azure.Functions.Worker.Builder;

namespace Faq.Api.Functions;

/// <summary>Whether this process runs under the Azure Functions host, as its isolated worker.</summary>
internal static class FunctionsHost
{
    /// <summary>
    /// True when the Functions host started this process: it sets <c>FUNCTIONS_WORKER_RUNTIME</c> in the worker's
    /// environment and passes <c>--functions-uri</c> and its siblings on the command line; its native placeholder
    /// host (Flex Consumption's pre-warmed instances) marks the process in <see cref="AppContext"/> instead.
    /// </summary>
    public static bool LaunchedThisProcess(string[] args) =>
        !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("FUNCTIONS_WORKER_RUNTIME"))
        || args.Any(arg => arg.StartsWith("--functions-", StringComparison.Ordinal))
        || AppContext.GetData("AZURE_FUNCTIONS_NATIVE_HOST") is not null;

    /// <summary>Whether the app is being built as the Functions worker (rather than as the plain local app).</summary>
    public static bool IsFunctionsWorker(this IHostApplicationBuilder builder) => builder is FunctionsApplicationBuilder;
}
