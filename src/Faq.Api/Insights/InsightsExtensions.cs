using Azure.Core;
using Faq.Api.Store;
using Faq.Core.Insights;
using Faq.Storage;

namespace Faq.Api.Insights;

internal static class InsightsExtensions
{
    /// <summary>Usage counting for the staff insights (<c>Faq:Insights</c>): the usage store next to the entries, and the counter that fills it.</summary>
    public static IHostApplicationBuilder AddFaqInsights(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<InsightsOptions>().BindConfiguration(InsightsOptions.Section)
            .ValidateProblems(o => o.Validate())
            .ValidateOnStart();
        builder.Services.AddSingleton<IUsageStore>(sp => new ResilientUsageStore(
            sp.GetRequiredService<IOptions<StoreOptions>>().Value.Location.OpenUsage(sp.GetRequiredService<TokenCredential>),
            sp.GetRequiredService<StoreResilience>()));
        builder.Services.AddSingleton<UsageCounter>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<UsageCounter>());
        return builder;
    }
}
