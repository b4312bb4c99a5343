namespace Faq.Api.Snapshots;

/// <summary>How the served snapshot follows the store (<c>Faq:Snapshot</c>).</summary>
internal sealed class SnapshotOptions
{
    public const string Section = "Faq:Snapshot";

    /// <summary>How often changes made elsewhere (other instances, the <c>faq</c> command) are picked up, in seconds.</summary>
    public int RefreshSeconds { get; set; } = 15;

    /// <summary>How long start-up waits for the first snapshot before serving anyway, in seconds.</summary>
    public int StartupWaitSeconds { get; set; } = 10;
}

/// <summary>Where the curated FAQ set that seeds an empty store comes from (<c>Faq:Content</c>).</summary>
internal sealed class SeedOptions
{
    public const string Section = "Faq:Content";

    /// <summary>The FAQ JSON file; relative paths are resolved against the app's own folder.</summary>
    public string Path { get; set; } = "data/faq/dry-needling.json";

    public string ResolvedPath => System.IO.Path.IsPathRooted(Path) ? Path : System.IO.Path.Combine(AppContext.BaseDirectory, Path);
}
