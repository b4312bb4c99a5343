namespace Faq.Core.Content;

/// <summary>One curated question and answer that the clinic controls.</summary>
/// <param name="Id">Stable lowercase slug; integrations and staff tools refer to entries by it.</param>
/// <param name="Question">The canonical question, as shown to patients.</param>
/// <param name="Alternates">Other ways patients ask the same thing.</param>
/// <param name="Answer">The answer text. May contain clinic placeholders such as <c>{clinic}</c> and <c>{contact}</c>.</param>
/// <param name="Tags">Free-form labels for staff.</param>
/// <param name="Related">Ids of entries worth offering as follow-up questions.</param>
public sealed record FaqEntry(
    string Id,
    string Question,
    IReadOnlyList<string> Alternates,
    string Answer,
    IReadOnlyList<string> Tags,
    IReadOnlyList<string> Related)
{
    /// <summary>
    /// Whether two entries say the same thing, field by field (record equality compares the lists by reference).
    /// </summary>
    public bool HasSameContent(FaqEntry other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return Id == other.Id && Question == other.Question && Answer == other.Answer
            && Alternates.SequenceEqual(other.Alternates) && Tags.SequenceEqual(other.Tags) && Related.SequenceEqual(other.Related);
    }
}

/// <summary>
/// An entry as a person writes it (a FAQ file, an import row, the admin API's body): any field may be missing, padded
/// or hold blank list items.
/// </summary>
/// <param name="Id">The entry id.</param>
/// <param name="Question">The canonical question.</param>
/// <param name="Alternates">Other wordings.</param>
/// <param name="Answer">The answer text.</param>
/// <param name="Tags">Labels for staff.</param>
/// <param name="Related">Ids of follow-up entries.</param>
public sealed record EntryInput(
    string? Id,
    string? Question,
    IReadOnlyList<string?>? Alternates,
    string? Answer,
    IReadOnlyList<string?>? Tags,
    IReadOnlyList<string?>? Related)
{
    /// <summary>The entry with its text trimmed and blank list items dropped; <paramref name="id"/> (say, from an address) wins over <see cref="Id"/>.</summary>
    public FaqEntry ToEntry(string? id = null) => new(
        (id ?? Id ?? string.Empty).Trim(),
        Question?.Trim() ?? string.Empty,
        FaqSet.Clean(Alternates),
        Answer?.Trim() ?? string.Empty,
        FaqSet.Clean(Tags),
        FaqSet.Clean(Related));
}
