using Faq.Storage;

namespace Faq.Api.Content;

/// <summary>Which store holds the FAQ entries, and how the served snapshot follows it.</summary>
internal sealed class StoreOptions
{
    public const string FileStore = "File";
    public const string TablesStore = "Tables";

    /// <summary><c>Faq:Store</c>: <c>File</c> (default, embedded) or <c>Tables</c> (Azure Table Storage).</summary>
    public string Store { get; set; } = FileStore;

    /// <summary><c>Faq:Tenant</c>: the clinic's partition in the store.</summary>
    public string Tenant { get; set; } = "default";

    /// <summary><c>Faq:File:Path</c>: folder of the file store.</summary>
    public string FilePath { get; set; } = FaqStores.DefaultFilePath();

    /// <summary><c>Faq:Tables:ConnectionString</c>: account key or <c>UseDevelopmentStorage=true</c>.</summary>
    public string? TablesConnectionString { get; set; }

    /// <summary><c>Faq:Tables:Endpoint</c>: the table endpoint for managed identity (Entra ID) authentication.</summary>
    public Uri? TablesEndpoint { get; set; }

    /// <summary><c>Faq:Snapshot:RefreshSeconds</c>: how often other instances' changes are picked up.</summary>
    public int RefreshSeconds { get; set; } = 15;

    /// <summary><c>Faq:Snapshot:StartupWaitSeconds</c>: how long start-up waits for the first snapshot before serving anyway.</summary>
    public int StartupWaitSeconds { get; set; } = 10;

    /// <summary>Every configuration key <see cref="Read"/> reads.</summary>
    public static IReadOnlyList<string> Keys { get; } =
        ["Faq:Store", "Faq:Tenant", "Faq:File:Path", "Faq:Tables:ConnectionString", "Faq:Tables:Endpoint", "Faq:Snapshot:RefreshSeconds", "Faq:Snapshot:StartupWaitSeconds"];

    public static StoreOptions Read(IConfiguration configuration)
    {
        var options = new StoreOptions();
        var faq = configuration.GetSection("Faq");
        options.Store = faq["Store"] is { Length: > 0 } store ? store : options.Store;
        options.Tenant = faq["Tenant"] is { Length: > 0 } tenant ? tenant : options.Tenant;
        options.FilePath = faq["File:Path"] is { Length: > 0 } path ? path : options.FilePath;
        options.TablesConnectionString = faq["Tables:ConnectionString"] is { Length: > 0 } cs ? cs : null;
        options.TablesEndpoint = faq["Tables:Endpoint"] is { Length: > 0 } endpoint
            ? Uri.TryCreate(endpoint, UriKind.Absolute, out var uri) ? uri : throw new InvalidOperationException($"Faq:Tables:Endpoint '{endpoint}' is not an absolute URL.")
            : null;
        options.RefreshSeconds = ReadInt(faq, "Snapshot:RefreshSeconds", options.RefreshSeconds, 1, 3600);
        options.StartupWaitSeconds = ReadInt(faq, "Snapshot:StartupWaitSeconds", options.StartupWaitSeconds, 0, 300);
        options.Validate();
        return options;
    }

    private void Validate()
    {
        if (!Store.Equals(FileStore, StringComparison.OrdinalIgnoreCase) && !Store.Equals(TablesStore, StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException($"Faq:Store must be '{FileStore}' or '{TablesStore}', not '{Store}'.");
        }

        if (IsTables && TablesConnectionString is null && TablesEndpoint is null)
        {
            throw new InvalidOperationException("Faq:Store is Tables: set Faq:Tables:ConnectionString, or Faq:Tables:Endpoint for managed identity.");
        }
    }

    public bool IsTables => Store.Equals(TablesStore, StringComparison.OrdinalIgnoreCase);

    /// <summary>The store these settings name.</summary>
    public FaqStoreLocation Location => new(IsTables, FilePath, TablesConnectionString, TablesEndpoint, Tenant);

    private static int ReadInt(IConfiguration section, string key, int fallback, int min, int max)
    {
        if (section[key] is not { Length: > 0 } text)
        {
            return fallback;
        }

        return int.TryParse(text, out var value) && value >= min && value <= max
            ? value
            : throw new InvalidOperationException($"Faq:{key} must be a whole number from {min} to {max}, not '{text}'.");
    }
}
