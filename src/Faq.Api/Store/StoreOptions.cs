using Faq.Storage;
using Microsoft.Extensions.Configuration;

namespace Faq.Api.Store;

/// <summary>Which store holds the FAQ entries and where (<c>Faq:Store</c>, <c>Faq:Tenant</c>, <c>Faq:File</c>, <c>Faq:Tables</c>).</summary>
internal sealed class StoreOptions
{
    public const string Section = "Faq";

    /// <summary><c>Faq:Store</c>: <c>File</c> (default, embedded) or <c>Tables</c> (Azure Table Storage).</summary>
    [ConfigurationKeyName("Store")]
    public StoreKind Kind { get; set; } = StoreKind.File;

    /// <summary><c>Faq:Tenant</c>: the clinic's partition in the store.</summary>
    public string Tenant { get; set; } = "default";

    /// <summary><c>Faq:File</c>: the file store.</summary>
    public FileStoreOptions File { get; set; } = new();

    /// <summary><c>Faq:Tables</c>: Table Storage.</summary>
    public TablesStoreOptions Tables { get; set; } = new();

    /// <summary>The store these settings name.</summary>
    public FaqStoreLocation Location => new(Kind, File.Path is { Length: > 0 } path ? path : FaqStores.DefaultFilePath(), Tables.ConnectionString, Tables.Endpoint, Tenant);

    public IEnumerable<string> Validate()
    {
        if (!Enum.IsDefined(Kind))
        {
            yield return "Faq:Store must be 'File' or 'Tables'.";
        }

        if (string.IsNullOrWhiteSpace(Tenant))
        {
            yield return "Faq:Tenant must not be empty.";
        }

        if (Kind == StoreKind.Tables && string.IsNullOrEmpty(Tables.ConnectionString) && Tables.Endpoint is null)
        {
            yield return "Faq:Store is Tables: set Faq:Tables:ConnectionString, or Faq:Tables:Endpoint for managed identity.";
        }

        if (Tables.Endpoint is { IsAbsoluteUri: false })
        {
            yield return $"Faq:Tables:Endpoint '{Tables.Endpoint}' is not an absolute URL.";
        }
    }
}

/// <summary><c>Faq:File</c>.</summary>
internal sealed class FileStoreOptions
{
    /// <summary><c>Faq:File:Path</c>: folder of the file store; empty means <see cref="FaqStores.DefaultFilePath"/>.</summary>
    public string? Path { get; set; }
}

/// <summary><c>Faq:Tables</c>.</summary>
internal sealed class TablesStoreOptions
{
    /// <summary><c>Faq:Tables:ConnectionString</c>: account key or <c>UseDevelopmentStorage=true</c>.</summary>
    public string? ConnectionString { get; set; }

    /// <summary><c>Faq:Tables:Endpoint</c>: the table endpoint for managed identity (Entra ID) authentication.</summary>
    public Uri? Endpoint { get; set; }
}
