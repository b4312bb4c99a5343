namespace Faq.Core.Languages;

/// <summary>The languages the bot answers in, by ISO 639-1 code. English is every entry's required language.</summary>
public static class FaqLanguages
{
    /// <summary>English, <c>en</c>: every entry has it, and it is the reply language when nothing says otherwise.</summary>
    public const string English = "en";

    /// <summary>Spanish, <c>es</c>.</summary>
    public const string Spanish = "es";

    /// <summary>Every supported language, English first.</summary>
    public static IReadOnlyList<string> All { get; } = [English, Spanish];

    /// <summary>The supported languages an entry may have a translation in (all but English).</summary>
    public static IReadOnlyList<string> Translated { get; } = [Spanish];

    /// <summary>
    /// Reads a language tag as a client sends it (<c>es</c>, <c>ES</c>, <c>es-MX</c>, <c>en_US</c>) and returns the
    /// supported language it names, or null when it names none.
    /// </summary>
    public static string? Normalize(string? tag)
    {
        if (string.IsNullOrWhiteSpace(tag))
        {
            return null;
        }

        var primary = tag.Trim().Split('-', '_')[0].ToLowerInvariant();
        return All.Contains(primary) ? primary : null;
    }
}
