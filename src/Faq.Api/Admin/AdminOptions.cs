namespace Faq.Api.Admin;

/// <summary>Clinic-staff settings (<c>Faq:Admin</c>).</summary>
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

    /// <summary>How long unanswered questions are kept for review.</summary>
    public int UnansweredRetentionDays { get; set; } = 30;

    /// <summary>Answered questions below this confidence are also kept for review.</summary>
    public double ReviewBelowConfidence { get; set; } = 0.75;
}

/// <summary>A named admin key.</summary>
internal sealed class AdminKey
{
    public string Name { get; set; } = string.Empty;

    public string Key { get; set; } = string.Empty;
}
