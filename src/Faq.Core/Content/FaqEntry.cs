namespace Faq.Core.Content;

/// <summary>One curated question and answer that the clinic controls.</summary>
/// <param name="Id">Stable lowercase slug; integrations and staff tools refer to entries by it.</param>
/// <param name="Question">The canonical question, as shown to patients.</param>
/// <param name="Alternates">Other ways patients ask the same thing.</param>
/// <param name="Answer">The answer text. May contain clinic placeholders such as <c>{clinic}</c> and <c>{contact}</c>.</param>
/// <param name="Tags">Free-form labels for staff.</param>
/// <param name="Related">Ids of entries worth offering as follow-up questions.</param>
/// <remarks>
/// <see cref="Question"/>, <see cref="Alternates"/> and <see cref="Answer"/> are the entry's English text, which every
/// entry has; <see cref="Translations"/> holds the same entry in other languages (for example Spanish), each optional.
/// The id, tags and related entries are shared by every language.
/// </remarks>
public sealed record FaqEntry(
    string Id,
    string Question,
    IReadOnlyList<string> Alternates,
    string Answer,
    IReadOnlyList<string> Tags,
    IReadOnlyList<string> Related)
{
    private static readonly IReadOnlyDictionary<string, FaqContent> NoTranslations = new Dictionary<string, FaqContent>(StringComparer.Ordinal);

    /// <summary>The entry's text in languages other than English, by language code (<c>es</c>); empty when it has none.</summary>
    public IReadOnlyDictionary<string, FaqContent> Translations { get; init; } = NoTranslations;

    /// <summary>The entry's English text.</summary>
    public FaqContent English => new(Question, Alternates, Answer);

    /// <summary>The entry's text in <paramref name="language"/>, or null when it has none in that language.</summary>
    public FaqContent? ContentIn(string language) =>
        language == Languages.FaqLanguages.English ? English : Translations.GetValueOrDefault(language);

    /// <summary>The entry with its text in one other language replaced (or removed, when <paramref name="content"/> is null).</summary>
    public FaqEntry WithTranslation(string language, FaqContent? content)
    {
        ArgumentNullException.ThrowIfNull(language);
        var map = new SortedDictionary<string, FaqContent>(Translations.ToDictionary(), StringComparer.Ordinal);
        if (content is null)
        {
            map.Remove(language);
        }
        else
        {
            map[language] = content;
        }

        return this with { Translations = map.Count == 0 ? NoTranslations : map };
    }

    /// <summary>
    /// Whether two entries say the same thing, field by field and in every language (record equality compares the
    /// lists by reference).
    /// </summary>
    public bool HasSameContent(FaqEntry other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return Id == other.Id && Question == other.Question && Answer == other.Answer
            && Alternates.SequenceEqual(other.Alternates) && Tags.SequenceEqual(other.Tags) && Related.SequenceEqual(other.Related)
            && Translations.Count == other.Translations.Count
            && Translations.All(t => other.Translations.TryGetValue(t.Key, out var o) && t.Value.HasSameContent(o));
    }
}

/// <summary>An entry's text in one language.</summary>
/// <param name="Question">The canonical question.</param>
/// <param name="Alternates">Other ways patients ask it in this language.</param>
/// <param name="Answer">The answer, with the same placeholders as the English one.</param>
public sealed record FaqContent(string Question, IReadOnlyList<string> Alternates, string Answer)
{
    /// <summary>Whether two texts are the same, field by field.</summary>
    public bool HasSameContent(FaqContent other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return Question == other.Question && Answer == other.Answer && Alternates.SequenceEqual(other.Alternates);
    }
}

/// <summary>An entry's text in one language as a person writes it: fields may be missing or padded.</summary>
/// <param name="Question">The canonical question.</param>
/// <param name="Alternates">Other wordings.</param>
/// <param name="Answer">The answer text.</param>
public sealed record ContentInput(string? Question, IReadOnlyList<string?>? Alternates, string? Answer)
{
    /// <summary>The text trimmed, blank alternates dropped.</summary>
    public FaqContent ToContent() => new(Question?.Trim() ?? string.Empty, FaqSet.Clean(Alternates), Answer?.Trim() ?? string.Empty);

    /// <summary>Whether nothing was written in this language (then the entry has no text in it).</summary>
    public bool IsBlank => string.IsNullOrWhiteSpace(Question) && string.IsNullOrWhiteSpace(Answer) && FaqSet.Clean(Alternates).Length == 0;

    /// <summary>The input form of a text.</summary>
    public static ContentInput From(FaqContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        return new(content.Question, [.. content.Alternates], content.Answer);
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
/// <param name="Translations">The entry in other languages, by language code; a blank language is dropped.</param>
public sealed record EntryInput(
    string? Id,
    string? Question,
    IReadOnlyList<string?>? Alternates,
    string? Answer,
    IReadOnlyList<string?>? Tags,
    IReadOnlyList<string?>? Related,
    [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    IReadOnlyDictionary<string, ContentInput?>? Translations = null)
{
    /// <summary>The entry with its text trimmed and blank list items dropped; <paramref name="id"/> (say, from an address) wins over <see cref="Id"/>.
    /// Language codes are lowercased; a language with nothing written in it is dropped.</summary>
    public FaqEntry ToEntry(string? id = null)
    {
        var entry = new FaqEntry(
            (id ?? Id ?? string.Empty).Trim(),
            Question?.Trim() ?? string.Empty,
            FaqSet.Clean(Alternates),
            Answer?.Trim() ?? string.Empty,
            FaqSet.Clean(Tags),
            FaqSet.Clean(Related));
        foreach (var (language, content) in Translations ?? new Dictionary<string, ContentInput?>())
        {
            if (content is not null && !content.IsBlank)
            {
                entry = entry.WithTranslation(language.Trim().ToLowerInvariant(), content.ToContent());
            }
        }

        return entry;
    }

    /// <summary>The input form of an entry, every language included (none when it has no translation).</summary>
    public static EntryInput From(FaqEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return new(entry.Id, entry.Question, [.. entry.Alternates], entry.Answer, [.. entry.Tags], [.. entry.Related],
            entry.Translations.Count == 0 ? null : entry.Translations.ToDictionary(t => t.Key, t => (ContentInput?)ContentInput.From(t.Value), StringComparer.Ordinal));
    }
}
