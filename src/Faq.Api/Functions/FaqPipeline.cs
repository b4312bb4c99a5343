using Faq.Api.Snapshots;

namespace Faq.Api.Functions;

/// <summary>
/// The app's own HTTP pipeline (<c>UseFaqPipeline</c> in Program.cs: problem details, static files, CORS, sign-in, rate
/// limits and every route), built once for the Functions worker. The worker's ASP.NET Core integration has no
/// configurable middleware: it routes a request to a function and runs it, and endpoint metadata (CORS policies,
/// authorisation, rate limits, filters) would never apply. So every function hands its request here, and the request
/// is served exactly as the local app serves it.
/// </summary>
internal sealed class FaqPipeline(IServiceProvider services, SnapshotRefresher refresher)
{
    private readonly RequestDelegate _pipeline = new ApplicationBuilder(services).UseFaqPipeline().Build();

    /// <summary>Serves the request through the app's pipeline; the response is written when the task completes.</summary>
    public async Task<IResult> DispatchAsync(HttpContext context)
    {
        // The worker may take requests before the app has finished starting: wait, as the local server does, until the
        // FAQ is loaded or the start-up wait is over.
        await refresher.Started.WaitAsync(context.RequestAborted);

        // The worker's routing chose the function's endpoint; the app routes again with its own route table.
        context.SetEndpoint(null);
        context.Request.RouteValues.Clear();
        await _pipeline(context);
        return Results.Empty;
    }
}
