using Azure.Core;
using Faq.Core.Insights;
using Faq.Core.Review;
using Faq.Core.Storage;

namespace Faq.Storage;

/// <summary>Which kind of store holds a clinic's FAQ (<c>Faq:Store</c>).</summary>
public enum StoreKind
{
    /// <summary>The embedded default: JSON files in a folder.</summary>
    File,

    /// <summary>Azure Table Storage.</summary>
    Tables,
}

/// <summary>
/// Which store holds a clinic's FAQ and where: the file store under a folder, or Table Storage by connection
/// string or (with Entra ID) by endpoint. The app and the command-line tool open their stores from this.
/// </summary>
/// <param name="Kind">The file store or Table Storage.</param>
/// <param name="FilePath">Folder of the file store.</param>
/// <param name="ConnectionString">Table Storage connection string; wins over <paramref name="Endpoint"/>.</param>
/// <param name="Endpoint">Table endpoint for Entra ID sign-in.</param>
/// <param name="Tenant">The clinic's partition.</param>
public sealed record FaqStoreLocation(StoreKind Kind, string FilePath, string? ConnectionString, Uri? Endpoint, string Tenant)
{
    /// <summary>The entry store.</summary>
    /// <param name="credential">Supplies the Entra ID credential, asked for only when the endpoint is used.</param>
    /// <param name="time">Clock for timestamps.</param>
    public IFaqStore OpenEntries(Func<TokenCredential> credential, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(credential);
        return this switch
        {
            { Kind: StoreKind.File } => FaqStores.File(FilePath, Tenant, time),
            { ConnectionString: { } connectionString } => FaqStores.Tables(connectionString, Tenant, time),
            { Endpoint: { } endpoint } => FaqStores.Tables(endpoint, credential(), Tenant, time),
            _ => throw MissingTables(),
        };
    }

    /// <summary>Unanswered questions and feedback, next to the entries in the same kind of store.</summary>
    /// <param name="credential">Supplies the Entra ID credential, asked for only when the endpoint is used.</param>
    public IReviewStore OpenReview(Func<TokenCredential> credential)
    {
        ArgumentNullException.ThrowIfNull(credential);
        return this switch
        {
            { Kind: StoreKind.File } => FaqStores.FileReview(FilePath, Tenant),
            { ConnectionString: { } connectionString } => FaqStores.TablesReview(connectionString, Tenant),
            { Endpoint: { } endpoint } => FaqStores.TablesReview(endpoint, credential(), Tenant),
            _ => throw MissingTables(),
        };
    }

    /// <summary>Usage counters, next to the entries in the same kind of store.</summary>
    /// <param name="credential">Supplies the Entra ID credential, asked for only when the endpoint is used.</param>
    public IUsageStore OpenUsage(Func<TokenCredential> credential)
    {
        ArgumentNullException.ThrowIfNull(credential);
        return this switch
        {
            { Kind: StoreKind.File } => FaqStores.FileUsage(FilePath, Tenant),
            { ConnectionString: { } connectionString } => FaqStores.TablesUsage(connectionString, Tenant),
            { Endpoint: { } endpoint } => FaqStores.TablesUsage(endpoint, credential(), Tenant),
            _ => throw MissingTables(),
        };
    }

    private static ArgumentException MissingTables() =>
        new("The Tables store needs a connection string (Faq:Tables:ConnectionString) or an endpoint (Faq:Tables:Endpoint).");
}
