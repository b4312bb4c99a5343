using Faq.Api.Admin;
using Faq.Api.Functions;
using Faq.Api.Snapshots;
using Faq.Tests.Shared;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Faq.Api.Tests.Functions;

/// <summary>
/// The app built the way Program.cs builds it when the Functions host starts it (the worker cannot start without the
/// host, so it is built, not run): the whole pipeline the functions hand their requests to can be made from the
/// worker's container, and the local run's conveniences stay local.
/// </summary>
public sealed class FunctionsWorkerTests : IDisposable
{
    private readonly string _store = Path.Combine(Path.GetTempPath(), "faq-tests", Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_store))
        {
            Directory.Delete(_store, recursive: true);
        }
    }

    [Fact]
    public void BuiltAsTheFunctionsWorkerTheAppHasItsWholePipelineAndGeneratesNoAdminKey()
    {
        var builder = FunctionsApplication.CreateBuilder([$"--Faq:File:Path={_store}"]);
        builder.ConfigureFunctionsWebApplication();
        builder.AddFaq();
        using var host = builder.Build();

        Assert.NotNull(host.Services.GetRequiredService<FaqPipeline>());
        var routes = host.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().Select(e => e.RoutePattern.RawText).ToList();
        Assert.Contains("/api/ask/", routes);
        Assert.Contains("/api/admin/entries/{id}", routes);
        // A local run without keys prints a generated admin key; in Functions staff keys must be configured.
        Assert.Null(host.Services.GetRequiredService<IOptions<AdminOptions>>().Value.GeneratedKey);
    }

    [Fact]
    public async Task AFunctionWaitsUntilTheAppHasStartedAsTheLocalServerDoes()
    {
        // The host may route a request as soon as the worker has registered its functions, before the app's own start-up.
        var builder = FunctionsApplication.CreateBuilder([$"--Faq:File:Path={_store}", "--Faq:Snapshot:StartupWaitSeconds=0"]);
        builder.ConfigureFunctionsWebApplication();
        builder.AddFaq();
        builder.Services.AddSingleton(SharedEmbedder.Instance);
        using var host = builder.Build();
        using var scope = host.Services.CreateScope();
        var context = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
        context.Request.Method = "GET";
        context.Request.Path = "/api/health";
        context.Response.Body = new MemoryStream();

        var dispatched = host.Services.GetRequiredService<FaqPipeline>().DispatchAsync(context);
        await Task.Delay(200);
        Assert.False(dispatched.IsCompleted, "the request was served before the app had started");

        var refresher = host.Services.GetRequiredService<SnapshotRefresher>();
        await refresher.StartAsync(CancellationToken.None);
        try
        {
            await dispatched.WaitAsync(TimeSpan.FromSeconds(30));
            Assert.NotEqual(0, context.Response.StatusCode);
        }
        finally
        {
            await refresher.StopAsync(CancellationToken.None);
        }
    }
}
