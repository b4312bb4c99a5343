using System.Security.Cryptography;
using Faq.Api.Feedback;
using Faq.Api.Content;
using Faq.Core.Analysis;
using Faq.Core.Editing;
using Faq.Core.Storage;
using Microsoft.Extensions.AI;
using Faq.Core.Embeddings;
using Faq.Core.Review;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Faq.Api.Admin;

internal static partial class AdminExtensions
{
    public const string EditorPolicy = "FaqEditor";

    /// <summary>
    /// Staff authentication and authorisation, the editing service, the review store (unanswered questions and
    /// feedback, next to the entries) and the feedback rate limit.
    /// </summary>
    public static WebApplicationBuilder AddFaqAdmin(this WebApplicationBuilder builder)
    {
        var admin = new AdminOptions();
        builder.Configuration.GetSection(AdminOptions.Section).Bind(admin);
        if (admin.UnansweredRetentionDays is < 1 or > 3650)
        {
            throw new InvalidOperationException("Faq:Admin:UnansweredRetentionDays must be between 1 and 3650.");
        }

        // A local run with no keys gets a fresh random key, printed once at start; never a fixed default.
        string? generated = null;
        if (admin.Keys.All(k => string.IsNullOrEmpty(k.Key)) && !admin.TrustPlatformAuth
            && string.IsNullOrEmpty(builder.Configuration["FUNCTIONS_CUSTOMHANDLER_PORT"]))
        {
            generated = Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)).Replace('+', '-').Replace('/', '_');
            admin.Keys.Add(new AdminKey { Name = "local-admin", Key = generated });
        }

        builder.Services.AddSingleton(Options.Create(admin));
        foreach (var key in admin.Keys.Where(k => string.IsNullOrWhiteSpace(k.Name)))
        {
            key.Name = "staff";
        }

        builder.Services.AddSingleton(new Infrastructure.KeyRing<AdminKey>(admin.Keys, k => k.Key));
        builder.Services.AddSingleton(new GeneratedAdminKey(generated));
        builder.Services.AddHostedService<AdminKeyAnnouncer>();

        builder.Services.AddAuthentication(AdminAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, AdminAuthenticationHandler>(AdminAuthenticationHandler.SchemeName, null);
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(EditorPolicy, policy => policy.RequireAuthenticatedUser().RequireRole(AdminOptions.EditorRole));

        builder.Services.AddSingleton(sp =>
        {
            var catalog = sp.GetRequiredService<FaqCatalog>();
            return new FaqEditor(
                sp.GetRequiredService<IFaqStore>(),
                sp.GetRequiredService<IEmbeddingGenerator<string, Embedding<float>>>(),
                sp.GetRequiredService<ILogger<FaqEditor>>(),
                catalog.RequestRefresh);
        });
        builder.Services.AddSingleton(sp => new QuestionGrouper(new HashedNgramEmbeddingGenerator(sp.GetRequiredService<TextAnalyzer>())));
        builder.Services.AddSingleton<UnansweredRecorder>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<UnansweredRecorder>());

        return builder;
    }

    /// <summary>The staff page's path. Not <c>/admin</c>: the Azure Functions host reserves that for its own API.</summary>
    public const string StaffPagePath = "/staff";

    /// <summary><c>/staff</c> → <c>/staff/</c>, so the page's relative links resolve (route matching ignores the slash).</summary>
    public static WebApplication UseStaffPageRedirect(this WebApplication app)
    {
        app.Use((context, next) =>
        {
            if (context.Request.Path.Value == StaffPagePath)
            {
                context.Response.Redirect(StaffPagePath + "/" + context.Request.QueryString);
                return Task.CompletedTask;
            }

            return next(context);
        });
        return app;
    }

    /// <summary>Everything under <c>/api/admin</c>, all of it behind the editor policy.</summary>
    public static RouteGroupBuilder MapAdmin(this RouteGroupBuilder api)
    {
        var admin = api.MapGroup("/admin").RequireAuthorization(EditorPolicy).RequireRateLimiting(Infrastructure.RateLimiting.AdminPolicy);
        admin.AddEndpointFilter(AnswerFromChangesBeforeReplying);
        admin.MapAdminEntries();
        admin.MapAdminImportExport();
        admin.MapAdminTry();
        admin.MapAdminUnanswered();
        admin.MapAdminFeedback();
        return admin;
    }

    /// <summary>
    /// A route <c>{id}</c> that <paramref name="possible"/> rejects names nothing that exists: the group answers
    /// <paramref name="notFound"/> before the handler, so ids a store cannot even look up (too long, characters its
    /// keys forbid) never reach it.
    /// </summary>
    internal static RouteGroupBuilder NotFoundUnlessPossibleId(this RouteGroupBuilder group, Func<string, bool> possible, Func<string, IResult> notFound)
    {
        group.AddEndpointFilter(async (context, next) =>
            context.HttpContext.GetRouteValue("id") is string id && !possible(id) ? notFound(id) : await next(context));
        return group;
    }

    /// <summary>Longest a staff change waits for the bot to answer from it before the reply is sent anyway.</summary>
    internal static readonly TimeSpan ServedWait = TimeSpan.FromSeconds(5);

    // When a staff request changed the FAQ, reply only once this instance answers from the change, so "Saved" and
    // then asking the bot gives the new answer (read-your-writes). Other instances pick it up on their next refresh.
    private static async ValueTask<object?> AnswerFromChangesBeforeReplying(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var catalog = context.HttpContext.RequestServices.GetRequiredService<FaqCatalog>();
        var before = catalog.RefreshesRequested;
        var result = await next(context);
        if (catalog.RefreshesRequested != before)
        {
            try
            {
                if (!await catalog.WaitForRequestedRefreshesAsync(ServedWait, context.HttpContext.RequestAborted))
                {
                    var logger = context.HttpContext.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(AdminExtensions));
                    LogNotServedYet(logger, ServedWait.TotalSeconds, catalog.Health.Reason);
                }
            }
            catch (OperationCanceledException)
            {
                // The client went away; the change is saved and will be served all the same.
            }
        }

        return result;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A staff change is saved but the FAQ had not reloaded after {Seconds} s (last store problem: {Reason}); it is served once the reload finishes")]
    private static partial void LogNotServedYet(ILogger logger, double seconds, string? reason);

    private sealed partial class AdminKeyAnnouncer(GeneratedAdminKey key, ILogger<AdminKeyAnnouncer> logger) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            if (key.Key is not null)
            {
                LogGenerated(logger, key.Key);
            }

            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        [LoggerMessage(Level = LogLevel.Warning, Message = "No admin key is configured (Faq:Admin:Keys). For this run only, sign in to /staff with the key: {AdminKey}")]
        private static partial void LogGenerated(ILogger logger, string adminKey);
    }
}

/// <summary>The admin key generated for a local run without configured keys, or null.</summary>
internal sealed record GeneratedAdminKey(string? Key);
