using System.Security.Cryptography;
using Faq.Api.Functions;
using Microsoft.AspNetCore.Authentication;

namespace Faq.Api.Admin;

internal static partial class AdminExtensions
{
    public const string EditorPolicy = "FaqEditor";

    /// <summary>Staff authentication and authorisation.</summary>
    public static IHostApplicationBuilder AddFaqAdmin(this IHostApplicationBuilder builder)
    {
        var inFunctions = builder.IsFunctionsWorker();
        builder.Services.AddOptions<AdminOptions>().BindConfiguration(AdminOptions.Section)
            .PostConfigure(options =>
            {
                // A local run with no keys gets a fresh random key, printed once at start; never a fixed default.
                if (options.Keys.All(k => string.IsNullOrEmpty(k.Key)) && !options.TrustPlatformAuth && !inFunctions)
                {
                    options.GeneratedKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)).Replace('+', '-').Replace('/', '_');
                    options.Keys.Add(new AdminKey { Name = "local-admin", Key = options.GeneratedKey });
                }

                foreach (var key in options.Keys.Where(k => string.IsNullOrWhiteSpace(k.Name)))
                {
                    key.Name = "staff";
                }
            })
            .ValidateOnStart();
        builder.Services.AddSingleton(sp => new KeyRing<AdminKey>(sp.GetRequiredService<IOptions<AdminOptions>>().Value.Keys, k => k.Key));
        builder.Services.AddSingleton(sp => new GeneratedAdminKey(sp.GetRequiredService<IOptions<AdminOptions>>().Value.GeneratedKey));
        builder.Services.AddHostedService<AdminKeyAnnouncer>();

        builder.Services.AddAuthentication(AdminAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, AdminAuthenticationHandler>(AdminAuthenticationHandler.SchemeName, null);
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(EditorPolicy, policy => policy.RequireAuthenticatedUser().RequireRole(AdminOptions.EditorRole));
        return builder;
    }

    /// <summary>The staff page's path. Not <c>/admin</c>: the Azure Functions host reserves that for its own API.</summary>
    public const string StaffPagePath = "/staff";

    /// <summary><c>/staff</c> → <c>/staff/</c>, so the page's relative links resolve (route matching ignores the slash).</summary>
    public static IApplicationBuilder UseStaffPageRedirect(this IApplicationBuilder app)
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

    /// <summary>Everything under <c>/api/admin</c>, all of it behind the editor policy; other features add their staff endpoints to the group.</summary>
    public static RouteGroupBuilder MapAdmin(this RouteGroupBuilder api)
    {
        var admin = api.MapGroup("/admin")
            .RequireAuthorization(EditorPolicy)
            .RequireRateLimiting(RateLimiting.AdminPolicy)
            .ProducesProblems(StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden)
            .RequiresAdminKey();
        admin.MapAdminEntries();
        admin.MapAdminImportExport();
        admin.MapAdminTry();
        admin.MapAdminUnanswered();
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

    private sealed partial class AdminKeyAnnouncer(GeneratedAdminKey generated, ILogger<AdminKeyAnnouncer> logger) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            if (generated.Key is { } key)
            {
                LogGenerated(logger, key);
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
