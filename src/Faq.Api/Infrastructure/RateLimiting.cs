using System.Globalization;
using System.Net;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.RateLimiting;

namespace Faq.Api.Infrastructure;

/// <summary>Request limits (<c>Faq:RateLimits</c>).</summary>
internal sealed class RateLimitOptions
{
    public const string Section = "Faq:RateLimits";

    /// <summary>Requests per minute per client address for anonymous traffic (the widget).</summary>
    public int AnonymousPerMinute { get; set; } = 60;

    /// <summary>Requests per minute per staff member (or address) on the admin API.</summary>
    public int AdminPerMinute { get; set; } = 300;

    /// <summary>Messages per minute per sender on the messaging webhook.</summary>
    public int MessagingPerMinute { get; set; } = 10;

    /// <summary>Length of the limit window in seconds; the limits above are per minute and scale with it.</summary>
    public int WindowSeconds { get; set; } = 60;

    /// <summary>Proxies whose X-Forwarded-For is believed (addresses or CIDR networks), e.g. the Functions front end.</summary>
    public List<string> TrustedProxies { get; set; } = [];

    public IEnumerable<string> Validate()
    {
        foreach (var (value, name) in new[] { (AnonymousPerMinute, nameof(AnonymousPerMinute)), (AdminPerMinute, nameof(AdminPerMinute)), (MessagingPerMinute, nameof(MessagingPerMinute)) })
        {
            if (value < 1)
            {
                yield return $"Faq:RateLimits:{name} must be at least 1.";
            }
        }

        if (WindowSeconds is < 1 or > 3600)
        {
            yield return "Faq:RateLimits:WindowSeconds must be between 1 and 3600.";
        }

        foreach (var proxy in TrustedProxies.Where(p => !System.Net.IPNetwork.TryParse(p, out _) && !IPAddress.TryParse(p, out _)))
        {
            yield return $"Faq:RateLimits:TrustedProxies: '{proxy}' is not an IP address or CIDR network.";
        }
    }
}

/// <summary>Integration clients (<c>Faq:Integrations</c>).</summary>
internal sealed class IntegrationOptions
{
    public const string Section = "Faq:Integrations";

    /// <summary>Each client's key and limit.</summary>
    public List<IntegrationKey> Keys { get; set; } = [];
}

/// <summary>An integration client's key (<c>Faq:Integrations:Keys</c>).</summary>
internal sealed class IntegrationKey
{
    public string Name { get; set; } = string.Empty;

    public string Key { get; set; } = string.Empty;

    /// <summary>This client's own limit; the anonymous limit when not set.</summary>
    public int? PerMinute { get; set; }
}

internal static class RateLimiting
{
    public const string PublicPolicy = "public";
    public const string AdminPolicy = "admin";
    public const string MessagingPolicy = "messaging";
    public const string IntegrationKeyHeader = "X-Api-Key";

    /// <summary>
    /// Fixed one-minute windows, partitioned by who is calling: an integration key gets its own budget, anonymous
    /// callers one per address (X-Forwarded-For believed only from configured proxies), staff one per person, and
    /// the messaging webhook one per sender. A limited request gets 429 problem+json with Retry-After.
    /// </summary>
    public static IHostApplicationBuilder AddFaqRateLimits(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<RateLimitOptions>().BindConfiguration(RateLimitOptions.Section)
            .ValidateProblems(o => o.Validate())
            .ValidateOnStart();
        builder.Services.AddOptions<IntegrationOptions>().BindConfiguration(IntegrationOptions.Section)
            .Validate(o => o.Keys.All(k => k.PerMinute is null or >= 1), "Faq:Integrations:Keys:*:PerMinute must be at least 1.")
            .ValidateOnStart();
        builder.Services.AddSingleton(sp => new KeyRing<IntegrationKey>(sp.GetRequiredService<IOptions<IntegrationOptions>>().Value.Keys, k => k.Key));
        builder.Services.AddRateLimiter(_ => { });
        builder.Services.AddOptions<RateLimiterOptions>().Configure<IOptions<RateLimitOptions>, KeyRing<IntegrationKey>>((options, limits, integrations) =>
            AddPolicies(options, limits.Value, integrations));
        return builder;
    }

    /// <summary>
    /// X-Forwarded-For and X-Forwarded-Proto, believed only from <see cref="RateLimitOptions.TrustedProxies"/>. The
    /// options are the app's own instance, not the container's <see cref="ForwardedHeadersOptions"/>: under the Functions
    /// host those belong to the worker, which applies them to the host's own hop before a function runs.
    /// </summary>
    public static IApplicationBuilder UseFaqForwardedHeaders(this IApplicationBuilder app)
    {
        var options = new ForwardedHeadersOptions();
        TrustProxies(options, app.ApplicationServices.GetRequiredService<IOptions<RateLimitOptions>>().Value.TrustedProxies);
        return app.UseForwardedHeaders(options);
    }

    // With both lists empty the middleware would believe any sender, so with no trusted proxy configured forwarded
    // headers are not read at all; otherwise only from the configured ones (not even loopback).
    private static void TrustProxies(ForwardedHeadersOptions options, List<string> proxies)
    {
        options.ForwardedHeaders = proxies.Count == 0 ? ForwardedHeaders.None : ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
        options.KnownProxies.Clear();
        options.KnownIPNetworks.Clear();
#pragma warning disable ASPDEPR005 // the older list is still consulted by the middleware, so it must be emptied too
        options.KnownNetworks.Clear();
#pragma warning restore ASPDEPR005
        foreach (var proxy in proxies)
        {
            if (System.Net.IPNetwork.TryParse(proxy, out var network))
            {
                options.KnownIPNetworks.Add(network);
            }
            else if (IPAddress.TryParse(proxy, out var address))
            {
                options.KnownProxies.Add(address);
            }
        }
    }

    private static void AddPolicies(RateLimiterOptions options, RateLimitOptions limits, KeyRing<IntegrationKey> integrations)
    {
        var window = TimeSpan.FromSeconds(limits.WindowSeconds);
        RateLimitPartition<string> Window(string partition, int perMinute) =>
            RateLimitPartition.GetFixedWindowLimiter(partition, _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = Math.Max(1, (int)Math.Round(perMinute * window.TotalMinutes)),
                Window = window,
                QueueLimit = 0,
            });

        options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
        options.OnRejected = async (context, cancellationToken) =>
        {
            var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? (int)Math.Ceiling(wait.TotalSeconds) : 60;
            context.HttpContext.Response.Headers.RetryAfter = Math.Max(1, retryAfter).ToString(CultureInfo.InvariantCulture);
            await context.HttpContext.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
            {
                HttpContext = context.HttpContext,
                ProblemDetails =
                {
                    Status = StatusCodes.Status429TooManyRequests,
                    Title = "Too many requests.",
                    Detail = $"Please wait {Math.Max(1, retryAfter)} seconds and try again.",
                },
            });
        };

        options.AddPolicy(PublicPolicy, context =>
        {
            if (context.Request.Headers.TryGetValue(IntegrationKeyHeader, out var key) && key.Count == 1
                && integrations.Match(key[0]!) is { } client)
            {
                return Window("key:" + client.Name, client.PerMinute ?? limits.AnonymousPerMinute);
            }

            return Window("ip:" + Address(context), limits.AnonymousPerMinute);
        });
        options.AddPolicy(AdminPolicy, context =>
            Window("admin:" + (context.User.Identity?.Name ?? Address(context)), limits.AdminPerMinute));
        options.AddPolicy(MessagingPolicy, context =>
            Window("from:" + (context.Request.HasFormContentType && context.Request.Form.TryGetValue("From", out var from) ? from.ToString() : Address(context)), limits.MessagingPerMinute));
    }

    private static string Address(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
}
