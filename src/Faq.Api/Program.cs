using Faq.Api.Admin;
using Faq.Api.Answering;
using Faq.Api.Ask;
using Faq.Api.Editing;
using Faq.Api.Embeddings;
using Faq.Api.Faqs;
using Faq.Api.Feedback;
using Faq.Api.Functions;
using Faq.Api.Health;
using Faq.Api.Insights;
using Faq.Api.Review;
using Faq.Api.Snapshots;
using Faq.Api.Store;
using Faq.Api.Webhooks;
using Faq.Api.Widget;
using Microsoft.Azure.Functions.Worker.Builder;

// Configuration files are read once: no file watchers, which cost start-up time and are useless on a read-only
// Functions package (settings change by restarting with new app settings).
string[] arguments = ["--hostBuilder:reloadConfigOnChange=false", .. args];

if (FunctionsHost.LaunchedThisProcess(args))
{
    // In Azure (or under `func start`) the Functions host owns the front door and runs the app as its isolated worker:
    // each function (Functions/HttpFunctions.cs) hands its request to the pipeline below. The host does not start the
    // worker in the package folder, where appsettings.json and wwwroot are.
    Directory.SetCurrentDirectory(AppContext.BaseDirectory);
    var functions = FunctionsApplication.CreateBuilder(arguments);
    functions.ConfigureFunctionsWebApplication();
    functions.AddFaq();
    functions.Build().Run();
}
else
{
    // Anywhere else (`dotnet run`, the tests, the published executable by itself) it is a plain ASP.NET Core app.
    var builder = WebApplication.CreateSlimBuilder(arguments);
    builder.ListenLocally();
    builder.AddFaq();
    var app = builder.Build();
    app.UseFaqPipeline();
    app.Run();
}

/// <summary>The web application; public so integration tests can host it.</summary>
public partial class Program;

/// <summary>The app, whichever host runs it: its services, its middleware and its routes.</summary>
internal static class FaqApp
{
    public static IHostApplicationBuilder AddFaq(this IHostApplicationBuilder builder)
    {
        builder.AddFaqHosting();
        builder.AddFaqCompression();
        builder.AddFaqProblemDetails();
        builder.AddFaqStore();
        builder.AddFaqEmbeddings();
        builder.AddFaqSnapshots();
        builder.AddFaqReview();
        builder.AddFaqInsights();
        builder.AddFaqAnswering();
        builder.AddFaqEditing();
        builder.AddFaqAdmin();
        builder.AddFaqWidget();
        builder.AddFaqRateLimits();
        builder.AddFaqMessaging();
        builder.AddFaqOpenApi();
        builder.Services.AddSingleton<FaqPipeline>();
        return builder;
    }

    public static IApplicationBuilder UseFaqPipeline(this IApplicationBuilder app)
    {
        app.UseFaqForwardedHeaders();
        app.UseResponseCompression();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseStaffPageRedirect();
        app.UseRouting();
        app.UseFaqStaticFiles();
        app.UseCors();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
        app.UseEndpoints(endpoints => endpoints.MapFaq());
        return app;
    }

    public static IEndpointRouteBuilder MapFaq(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapFaqOpenApi();

        // Every operation may be rate limited (health is not, but shares the contract).
        var api = endpoints.MapGroup("/api").ProducesProblems(StatusCodes.Status429TooManyRequests);
        api.MapAsk();
        api.MapFaqs();
        api.MapHealth();
        api.MapFeedback();
        api.MapTwilioWebhook();

        var admin = api.MapAdmin();
        admin.MapAdminFeedback();
        admin.MapAdminInsights();
        return endpoints;
    }
}
