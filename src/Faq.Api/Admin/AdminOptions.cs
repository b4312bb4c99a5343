namespace Faq.Api.Admin;

/// <summary>Clinic-staff sign-in (<c>Faq:Admin</c>; the review queue's settings there are <see cref="Review.ReviewOptions"/>).</summary>
internal sealed class AdminOptions
{
    public const string Section = "Faq:Admin";
    public const string EditorRole = "FaqEditor";

    /// <summary>Admin keys, each with the name recorded as the editor of changes made with it.</summary>
    public List<AdminKey> Keys { get; set; } = [];

    /// <summary>
    /// Accept Azure App Service / Functions built-in authentication (the <c>X-MS-CLIENT-PRINCIPAL</c> header) and
    /// require the <c>FaqEditor</c> role. Only turn this on when platform authentication is enabled: the platform
    /// then strips the header from incoming requests, so it cannot be forged.
    /// </summary>
    public bool TrustPlatformAuth { get; set; }

    /// <summary>The key made for a local run without configured keys (announced once at start), or null. Not a setting.</summary>
    internal string? GeneratedKey { get; set; }
}

/// <summary>A named admin key.</summary>
internal sealed class AdminKey
{
    public string Name { get; set; } = string.Empty;

    public string Key { get; set; } = string.Empty;
}
