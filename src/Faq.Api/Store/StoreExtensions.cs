using Azure.Core;
using Faq.Core.Review;
using Faq.Core.Storage;
using Faq.Storage;

namespace Faq.Api.Store;

internal static class StoreExtensions
{
    /// <summary>
    /// The configured store (<c>Faq:Store</c>: File or Tables), every call of it behind the resilience pipeline
    /// (<c>Faq:StoreResilience</c>), and the review store next to it. Incomplete configuration fails start-up with a
    /// message naming the missing key.
    /// </summary>
    public static IHostApplicationBuilder AddFaqStore(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<StoreOptions>().BindConfiguration(StoreOptions.Section)
            .ValidateProblems(o => o.Validate())
            .ValidateOnStart();
        builder.Services.AddOptions<StoreResilienceOptions>().BindConfiguration(StoreResilienceOptions.Section)
            .ValidateProblems(o => o.ValidateResilience(StoreResilienceOptions.Section))
            .ValidateOnStart();

        // One Entra ID credential for every Azure service (the app's managed identity in Azure). Created only when
        // something asks for it: the file store and the local embedder never do.
        builder.Services.AddSingleton(sp => AzureIdentity.For(sp.GetRequiredService<IConfiguration>()));
        builder.Services.AddSingleton(sp => new StoreResilience(
            sp.GetRequiredService<IOptions<StoreResilienceOptions>>().Value,
            sp.GetRequiredService<ILogger<StoreResilience>>(),
            sp.GetRequiredService<TimeProvider>()));
        builder.Services.AddSingleton<IFaqStore>(sp => new ResilientFaqStore(
            Location(sp).OpenEntries(sp.GetRequiredService<TokenCredential>, sp.GetRequiredService<TimeProvider>()),
            sp.GetRequiredService<StoreResilience>()));

        // Unanswered questions and feedback live next to the entries, in the same kind of store.
        builder.Services.AddSingleton<IReviewStore>(sp => new ResilientReviewStore(
            Location(sp).OpenReview(sp.GetRequiredService<TokenCredential>),
            sp.GetRequiredService<StoreResilience>()));
        return builder;
    }

    private static FaqStoreLocation Location(IServiceProvider services) => services.GetRequiredService<IOptions<StoreOptions>>().Value.Location;
}
