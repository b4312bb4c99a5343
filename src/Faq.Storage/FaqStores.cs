using Azure.Core;
using Faq.Core.Review;
using Faq.Core.Storage;
using Faq.Storage.Files;
using Faq.Storage.Tables;

namespace Faq.Storage;

/// <summary>Creates the configured store.</summary>
public static class FaqStores
{
    /// <summary>The file store's default folder: <c>Faq/store</c> under the user's local application data.</summary>
    public static string DefaultFilePath() =>
        Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create), "Faq", "store");

    /// <summary>The embedded default: JSON files under a folder.</summary>
    public static IFaqStore File(string folder, string tenant, TimeProvider? time = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        TableKeys.Validate(tenant, nameof(tenant));
        return new FileFaqStore(folder, tenant, time ?? TimeProvider.System);
    }

    /// <summary>Azure Table Storage with a connection string (account key, or <c>UseDevelopmentStorage=true</c>).</summary>
    /// <exception cref="FormatException">The connection string is unusable.</exception>
    public static IFaqStore Tables(string connectionString, string tenant, TimeProvider? time = null)
    {
        TableKeys.Validate(tenant, nameof(tenant));
        return new TableFaqStore(new TablesClient(connectionString, StoreClientOptions()), tenant, time ?? TimeProvider.System);
    }

    /// <summary>Azure Table Storage with Entra ID (for example a managed identity).</summary>
    public static IFaqStore Tables(Uri endpoint, TokenCredential credential, string tenant, TimeProvider? time = null)
    {
        TableKeys.Validate(tenant, nameof(tenant));
        return new TableFaqStore(new TablesClient(endpoint, credential, StoreClientOptions()), tenant, time ?? TimeProvider.System);
    }

    /// <summary>Unanswered questions and feedback next to the file store.</summary>
    public static IReviewStore FileReview(string folder, string tenant)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        TableKeys.Validate(tenant, nameof(tenant));
        return new FileReviewStore(folder, tenant);
    }

    /// <summary>Unanswered questions and feedback in Table Storage, with a connection string.</summary>
    public static IReviewStore TablesReview(string connectionString, string tenant)
    {
        TableKeys.Validate(tenant, nameof(tenant));
        return new TableReviewStore(new TablesClient(connectionString, StoreClientOptions()), tenant);
    }

    /// <summary>Unanswered questions and feedback in Table Storage, with Entra ID.</summary>
    public static IReviewStore TablesReview(Uri endpoint, TokenCredential credential, string tenant)
    {
        TableKeys.Validate(tenant, nameof(tenant));
        return new TableReviewStore(new TablesClient(endpoint, credential, StoreClientOptions()), tenant);
    }

    // Retries belong to the Polly pipeline around the store (ResilientFaqStore); two retry layers would multiply.
    private static TablesClientOptions StoreClientOptions()
    {
        var options = new TablesClientOptions();
        options.Retry.MaxRetries = 0;
        options.Retry.NetworkTimeout = TimeSpan.FromSeconds(10);
        return options;
    }
}
