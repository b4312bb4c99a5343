using Microsoft.Azure.Functions.Worker;

namespace Faq.Api.Functions;

/// <summary>
/// The public routes as Azure Functions, one per route group, for the Functions host to route and to check keys
/// (<see cref="AuthorizationLevel.Function"/> on the staff API). No logic here: each hands the request to the app's
/// own pipeline (<see cref="FaqPipeline"/>), so a route is written once, in the app; a test compares these triggers
/// with the app's routes. OPTIONS is accepted where the app answers CORS preflight requests.
/// </summary>
internal static class HttpFunctions
{
    [Function("ask")]
    public static Task<IResult> Ask([HttpTrigger(AuthorizationLevel.Anonymous, "post", "options", Route = "api/ask")] HttpRequest request) => Dispatch(request);

    [Function("faqs")]
    public static Task<IResult> Faqs([HttpTrigger(AuthorizationLevel.Anonymous, "get", "options", Route = "api/faqs")] HttpRequest request) => Dispatch(request);

    [Function("feedback")]
    public static Task<IResult> Feedback([HttpTrigger(AuthorizationLevel.Anonymous, "post", "options", Route = "api/feedback")] HttpRequest request) => Dispatch(request);

    [Function("health")]
    public static Task<IResult> Health([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/health")] HttpRequest request) => Dispatch(request);

    [Function("openapi")]
    public static Task<IResult> OpenApi([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/openapi.json")] HttpRequest request) => Dispatch(request);

    [Function("webhooks")]
    public static Task<IResult> Webhooks([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/webhooks/twilio")] HttpRequest request) => Dispatch(request);

    [Function("widget")]
    public static Task<IResult> Widget([HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = "widget/{*path}")] HttpRequest request) => Dispatch(request);

    [Function("staff")]
    public static Task<IResult> Staff([HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = "staff/{*path}")] HttpRequest request) => Dispatch(request);

    [Function("admin")]
    public static Task<IResult> Admin([HttpTrigger(AuthorizationLevel.Function, "get", "post", "put", "delete", Route = "api/admin/{*path}")] HttpRequest request) => Dispatch(request);

    private static Task<IResult> Dispatch(HttpRequest request) =>
        request.HttpContext.RequestServices.GetRequiredService<FaqPipeline>().DispatchAsync(request.HttpContext);
}
