namespace Faq.Tests;

/// <summary>Paths inside the repository the tests run from.</summary>
internal static class Repository
{
    /// <summary>The folder holding Faq.sln, above the test assembly.</summary>
    public static string Root { get; } = FindRoot();

    public static string PathOf(params string[] parts) => Path.Combine([Root, .. parts]);

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Faq.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("Cannot find the repository root (Faq.sln) above " + AppContext.BaseDirectory);
    }
}
