using Azure.Core;
using Azure.Identity;
using Faq.Core.Review;
using Faq.Core.Storage;
using Faq.Storage;

namespace Faq.Api.Content;

internal static class StoreExtensions
{
    /// <summary>
    /// The configured store (<c>Faq:Store</c>: File or Tables), every call of it behind the Polly resilience
    /// pipeline. Incomplete configuration fails start-up with a message naming the missing key.
    /// </summary>
    public static WebApplicationBuilder AddFaqStore(this WebApplicationBuilder builder)
    {
        var options = StoreOptions.Read(builder.Configuration);
        var resilience = new StoreResilienceOptions();
        builder.Configuration.GetSection("Faq:StoreResilience").Bind(resilience);

        builder.Services.AddSingleton(options);

        // One Entra ID credential for every Azure service (a managed identity in Azure; AZURE_CLIENT_ID picks a
        // user-assigned one). Created only when something asks for it.
        builder.Services.AddSingleton<TokenCredential>(_ => new DefaultAzureCredential());
        builder.Services.AddSingleton(sp => new StoreResilience(resilience, sp.GetRequiredService<ILogger<StoreResilience>>(), sp.GetRequiredService<TimeProvider>()));
        builder.Services.AddSingleton(sp =>
        {
            var inner = options.Location.OpenEntries(sp.GetRequiredService<TokenCredential>, sp.GetRequiredService<TimeProvider>());
            return new ResilientFaqStore(inner, sp.GetRequiredService<StoreResilience>());
        });
        builder.Services.AddSingleton<IFaqStore>(sp => sp.GetRequiredService<ResilientFaqStore>());

        // Unanswered questions and feedback live next to the entries, in the same kind of store.
        builder.Services.AddSingleton<IReviewStore>(sp => new ResilientReviewStore(
            options.Location.OpenReview(sp.GetRequiredService<TokenCredential>),
            sp.GetRequiredService<StoreResilience>()));
        return builder;
    }
}
