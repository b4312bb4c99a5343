using Azure.Core;
using Azure.Data.Tables;
using Faq.Core.Insights;
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
        return new TableFaqStore(TableService(connectionString), tenant, time ?? TimeProvider.System);
    }

    /// <summary>Azure Table Storage with Entra ID (in Azure, the app's managed identity).</summary>
    public static IFaqStore Tables(Uri endpoint, TokenCredential credential, string tenant, TimeProvider? time = null)
    {
        TableKeys.Validate(tenant, nameof(tenant));
        return new TableFaqStore(TableService(endpoint, credential), tenant, time ?? TimeProvider.System);
    }

    /// <summary>Unanswered questions and feedback next to the file store.</summary>
    public static IReviewStore FileReview(string folder, string tenant)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        TableKeys.Validate(tenant, nameof(tenant));
        return new FileReviewStore(folder, tenant);
    }

    /// <summary>Unanswered questions and feedback in Table Storage, with a connection string.</summary>
    /// <exception cref="FormatException">The connection string is unusable.</exception>
    public static IReviewStore TablesReview(string connectionString, string tenant)
    {
        TableKeys.Validate(tenant, nameof(tenant));
        return new TableReviewStore(TableService(connectionString), tenant);
    }

    /// <summary>Unanswered questions and feedback in Table Storage, with Entra ID.</summary>
    public static IReviewStore TablesReview(Uri endpoint, TokenCredential credential, string tenant)
    {
        TableKeys.Validate(tenant, nameof(tenant));
        return new TableReviewStore(TableService(endpoint, credential), tenant);
    }

    /// <summary>Usage counters next to the file store.</summary>
    public static IUsageStore FileUsage(string folder, string tenant)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        TableKeys.Validate(tenant, nameof(tenant));
        return new FileUsageStore(folder, tenant);
    }

    /// <summary>Usage counters in Table Storage, with a connection string.</summary>
    /// <exception cref="FormatException">The connection string is unusable.</exception>
    public static IUsageStore TablesUsage(string connectionString, string tenant)
    {
        TableKeys.Validate(tenant, nameof(tenant));
        return new TableUsageStore(TableService(connectionString), tenant);
    }

    /// <summary>Usage counters in Table Storage, with Entra ID.</summary>
    public static IUsageStore TablesUsage(Uri endpoint, TokenCredential credential, string tenant)
    {
        TableKeys.Validate(tenant, nameof(tenant));
        return new TableUsageStore(TableService(endpoint, credential), tenant);
    }

    /// <exception cref="FormatException">The connection string is unusable (the message never repeats it: it holds the key).</exception>
    internal static TableServiceClient TableService(string connectionString, TableClientOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        try
        {
            return new TableServiceClient(connectionString, options ?? StoreClientOptions());
        }
        catch (Exception ex) when (ex is FormatException or ArgumentException or InvalidOperationException)
        {
            throw new FormatException(
                "The Table Storage connection string (Faq:Tables:ConnectionString) is not usable: give an account's connection string "
                + "(AccountName and AccountKey, optionally TableEndpoint) or UseDevelopmentStorage=true; for managed identity set Faq:Tables:Endpoint instead.",
                ex);
        }
    }

    internal static TableServiceClient TableService(Uri endpoint, TokenCredential credential, TableClientOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        ArgumentNullException.ThrowIfNull(credential);
        return new TableServiceClient(endpoint, credential, options ?? StoreClientOptions());
    }

    /// <summary>
    /// The SDK's own retries are off: the Polly pipeline around every store call (<see cref="ResilientFaqStore"/>) is
    /// the one retry layer, so a failing call is tried MaxRetries + 1 times, not (MaxRetries + 1) × 4.
    /// </summary>
    internal static TableClientOptions StoreClientOptions() => new()
    {
        Retry = { MaxRetries = 0, NetworkTimeout = TimeSpan.FromSeconds(10) },
    };
}
