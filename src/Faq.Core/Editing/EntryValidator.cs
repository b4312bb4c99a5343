using System.Text.RegularExpressions;
using Faq.Core.Analysis;
using Faq.Core.Content;

namespace Faq.Core.Editing;

/// <summary>
/// The rules an entry must meet before it is saved, with errors keyed by field (<c>alternates[2]</c>) so the admin
/// page can show each next to the field it concerns.
/// </summary>
public static partial class EntryValidator
{
    /// <summary>Longest id, in the admin API and in every store.</summary>
    public const int MaxIdLength = 80;
    /// <summary>Longest question or alternate.</summary>
    public const int MaxQuestionLength = 300;
    /// <summary>Most alternates per entry.</summary>
    public const int MaxAlternates = 50;
    /// <summary>Longest answer.</summary>
    public const int MaxAnswerLength = 4000;
    /// <summary>Most tags per entry.</summary>
    public const int MaxTags = 20;
    /// <summary>Longest tag.</summary>
    public const int MaxTagLength = 40;
    /// <summary>Most related entries.</summary>
    public const int MaxRelated = 10;

    /// <summary>Checks an entry; returns the errors by field (empty when it may be saved).</summary>
    /// <param name="entry">The entry to check.</param>
    /// <param name="others">Every other entry the clinic has (not this one), to catch clashes.</param>
    /// <param name="knownIds">Ids a related entry may point to.</param>
    public static Dictionary<string, string[]> Validate(FaqEntry entry, IEnumerable<FaqEntry> others, ISet<string> knownIds)
    {
        var errors = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        void Add(string field, string message)
        {
            if (!errors.TryGetValue(field, out var list))
            {
                errors[field] = list = [];
            }

            list.Add(message);
        }

        if (!IsValidId(entry.Id))
        {
            Add("id", $"The id must be a lowercase slug of letters, digits and single hyphens (like \"is-it-painful\"), at most {MaxIdLength} characters.");
        }

        CheckText(entry.Question, "question", MaxQuestionLength, Add);
        CheckText(entry.Answer, "answer", MaxAnswerLength, Add);

        if (entry.Alternates.Count > MaxAlternates)
        {
            Add("alternates", $"At most {MaxAlternates} alternates; there are {entry.Alternates.Count}.");
        }

        // Another entry already answering the same wording would make the bot's choice arbitrary.
        var owner = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var other in others)
        {
            foreach (var text in other.Alternates.Prepend(other.Question))
            {
                owner.TryAdd(Key(text), other.Id);
            }
        }

        if (owner.TryGetValue(Key(entry.Question), out var questionOwner))
        {
            Add("question", $"Entry \"{questionOwner}\" already has this question or alternate.");
        }

        var seen = new HashSet<string>(StringComparer.Ordinal) { Key(entry.Question) };
        for (var i = 0; i < entry.Alternates.Count; i++)
        {
            var field = $"alternates[{i}]";
            var alternate = entry.Alternates[i];
            if (!CheckText(alternate, field, MaxQuestionLength, Add))
            {
                continue;
            }

            if (alternate.Contains('|', StringComparison.Ordinal))
            {
                Add(field, "An alternate must not contain '|' (it separates alternates in CSV files).");
            }
            else if (!seen.Add(Key(alternate)))
            {
                Add(field, "This alternate repeats the question or another alternate of this entry.");
            }
            else if (owner.TryGetValue(Key(alternate), out var alternateOwner))
            {
                Add(field, $"Entry \"{alternateOwner}\" already has this question or alternate.");
            }
        }

        CheckTranslations(entry, others, Add);

        if (entry.Tags.Count > MaxTags)
        {
            Add("tags", $"At most {MaxTags} tags.");
        }

        for (var i = 0; i < entry.Tags.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(entry.Tags[i]) || entry.Tags[i].Length > MaxTagLength || entry.Tags[i].Contains('|', StringComparison.Ordinal))
            {
                Add($"tags[{i}]", $"A tag must be 1 to {MaxTagLength} characters without '|'.");
            }
        }

        if (entry.Related.Count > MaxRelated)
        {
            Add("related", $"At most {MaxRelated} related entries.");
        }

        for (var i = 0; i < entry.Related.Count; i++)
        {
            var related = entry.Related[i];
            if (related == entry.Id)
            {
                Add($"related[{i}]", "An entry cannot be related to itself.");
            }
            else if (!knownIds.Contains(related))
            {
                Add($"related[{i}]", $"There is no entry \"{related}\".");
            }
        }

        return errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal);
    }

    private static bool CheckText(string? text, string field, int max, Action<string, string> add)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            add(field, "This must not be empty.");
            return false;
        }

        if (text.Length > max)
        {
            add(field, $"At most {max} characters; this has {text.Length}.");
            return false;
        }

        return true;
    }

    // The same rules for every language's text, each language checked against the same language of the other entries.
    private static void CheckTranslations(FaqEntry entry, IEnumerable<FaqEntry> others, Action<string, string> add)
    {
        foreach (var (language, content) in entry.Translations)
        {
            var prefix = $"translations.{language}";
            if (!Languages.FaqLanguages.Translated.Contains(language))
            {
                add(prefix, $"Translations may be in: {string.Join(", ", Languages.FaqLanguages.Translated)} (English is the entry's own text).");
                continue;
            }

            CheckText(content.Question, prefix + ".question", MaxQuestionLength, add);
            CheckText(content.Answer, prefix + ".answer", MaxAnswerLength, add);
            if (content.Alternates.Count > MaxAlternates)
            {
                add(prefix + ".alternates", $"At most {MaxAlternates} alternates; there are {content.Alternates.Count}.");
            }

            var owner = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var other in others)
            {
                if (other.Translations.TryGetValue(language, out var theirs))
                {
                    foreach (var text in theirs.Alternates.Prepend(theirs.Question))
                    {
                        owner.TryAdd(Key(text), other.Id);
                    }
                }
            }

            if (owner.TryGetValue(Key(content.Question), out var questionOwner))
            {
                add(prefix + ".question", $"Entry \"{questionOwner}\" already has this question or alternate.");
            }

            var seen = new HashSet<string>(StringComparer.Ordinal) { Key(content.Question) };
            for (var i = 0; i < content.Alternates.Count; i++)
            {
                var field = $"{prefix}.alternates[{i}]";
                var alternate = content.Alternates[i];
                if (!CheckText(alternate, field, MaxQuestionLength, add))
                {
                    continue;
                }

                if (alternate.Contains('|', StringComparison.Ordinal))
                {
                    add(field, "An alternate must not contain '|' (it separates alternates in CSV files).");
                }
                else if (!seen.Add(Key(alternate)))
                {
                    add(field, "This alternate repeats the question or another alternate of this entry.");
                }
                else if (owner.TryGetValue(Key(alternate), out var alternateOwner))
                {
                    add(field, $"Entry \"{alternateOwner}\" already has this question or alternate.");
                }
            }
        }
    }

    /// <summary>Whether an entry could have this id: a lowercase slug of at most <see cref="MaxIdLength"/> characters.</summary>
    public static bool IsValidId(string? id) => !string.IsNullOrEmpty(id) && id.Length <= MaxIdLength && Slug().IsMatch(id);

    /// <summary>Wording compared the way the matcher sees it: case, accents and punctuation do not make a question different.</summary>
    public static string Key(string text) => TextAnalyzer.WordingKey(text);

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex Slug();
}
