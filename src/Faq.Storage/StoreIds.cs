using Faq.Core.Editing;
using Faq.Core.Storage;
using Faq.Storage.Tables;

namespace Faq.Storage;

/// <summary>Rules every store applies to entry ids and editors.</summary>
internal static class StoreIds
{
    /// <exception cref="ArgumentException">The id cannot be stored.</exception>
    public static void Validate(string id)
    {
        if (string.IsNullOrWhiteSpace(id) || id.Length > EntryValidator.MaxIdLength)
        {
            throw new ArgumentException($"An entry id must be 1 to {EntryValidator.MaxIdLength} characters.", nameof(id));
        }

        // '|' separates the id from the version in history keys.
        if (id.Contains('|', StringComparison.Ordinal))
        {
            throw new ArgumentException("An entry id must not contain '|'.", nameof(id));
        }

        TableKeys.Validate(id, nameof(id));
    }

    public static string Editor(string editor) => string.IsNullOrWhiteSpace(editor) ? "unknown" : editor.Trim();

    public static EntryVersion ToVersion(StoredEntry stored, string change) =>
        new(stored.Version, stored.Entry, stored.Deleted, stored.UpdatedAt, stored.UpdatedBy, change);
}
