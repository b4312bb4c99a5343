using System.Text.Json;
using System.Text.Json.Serialization;

namespace Faq.Core.Content;

/// <summary>The curated FAQ document format (<c>data/faq/*.json</c>): <c>{ "entries": [ … ] }</c>.</summary>
public static class FaqSet
{
    /// <summary>Reads a FAQ document from a stream.</summary>
    /// <exception cref="FormatException">The document is not valid FAQ JSON.</exception>
    public static async Task<IReadOnlyList<FaqEntry>> ReadAsync(Stream json, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(json);
        FaqSetDocument? document;
        try
        {
            document = await JsonSerializer.DeserializeAsync(json, FaqSetJsonContext.Default.FaqSetDocument, cancellationToken);
        }
        catch (JsonException ex)
        {
            throw new FormatException($"The FAQ document is not valid JSON: {ex.Message}", ex);
        }

        return ToEntries(document);
    }

    /// <summary>Parses a FAQ document from a JSON string.</summary>
    /// <exception cref="FormatException">The document is not valid FAQ JSON.</exception>
    public static IReadOnlyList<FaqEntry> Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            return ToEntries(JsonSerializer.Deserialize(json, FaqSetJsonContext.Default.FaqSetDocument));
        }
        catch (JsonException ex)
        {
            throw new FormatException($"The FAQ document is not valid JSON: {ex.Message}", ex);
        }
    }

    /// <summary>
    /// Parses a FAQ document for import: like <see cref="Parse"/>, but entries with empty fields or repeated ids are
    /// returned as they are, so each can be reported against its own row instead of failing the whole file.
    /// </summary>
    /// <exception cref="FormatException">The document is not a JSON object with an "entries" array.</exception>
    public static IReadOnlyList<FaqEntry> ParseLenient(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        FaqSetDocument? document;
        try
        {
            document = JsonSerializer.Deserialize(json, FaqSetJsonContext.Default.FaqSetDocument);
        }
        catch (JsonException ex)
        {
            throw new FormatException($"The FAQ document is not valid JSON: {ex.Message}", ex);
        }

        if (document?.Entries is null)
        {
            throw new FormatException("The FAQ document must be an object with an \"entries\" array.");
        }

        return [.. document.Entries.Select(e => (e ?? new EntryInput(null, null, null, null, null, null)).ToEntry())];
    }

    /// <summary>Writes entries as a FAQ document.</summary>
    public static Task WriteAsync(Stream json, IEnumerable<FaqEntry> entries, CancellationToken cancellationToken = default)
    {
        var document = new FaqSetDocument(
        [
            .. entries.Select(EntryInput.From),
        ]);
        return JsonSerializer.SerializeAsync(json, document, FaqSetJsonContext.Default.FaqSetDocument, cancellationToken);
    }

    private static List<FaqEntry> ToEntries(FaqSetDocument? document)
    {
        if (document?.Entries is null)
        {
            throw new FormatException("The FAQ document must be an object with an \"entries\" array.");
        }

        var entries = new List<FaqEntry>(document.Entries.Count);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < document.Entries.Count; i++)
        {
            var e = document.Entries[i];
            if (e is null || string.IsNullOrWhiteSpace(e.Id) || string.IsNullOrWhiteSpace(e.Question) || string.IsNullOrWhiteSpace(e.Answer))
            {
                throw new FormatException($"Entry {i} must have a non-empty \"id\", \"question\" and \"answer\".");
            }

            if (!seen.Add(e.Id))
            {
                throw new FormatException($"Entry {i}: the id \"{e.Id}\" is used more than once.");
            }

            var entry = e.ToEntry();
            foreach (var (language, content) in entry.Translations)
            {
                if (content.Question.Length == 0 || content.Answer.Length == 0)
                {
                    throw new FormatException($"Entry {i} (\"{e.Id}\"): its \"{language}\" translation must have a non-empty \"question\" and \"answer\".");
                }
            }

            entries.Add(entry);
        }

        return entries;
    }

    /// <summary>
    /// Adds a translation document (the same format, one language, entries named by the ids of
    /// <paramref name="entries"/>: <c>data/faq/dry-needling.es.json</c>) to the entries as their text in
    /// <paramref name="language"/>. Entries the document does not name keep no text in that language.
    /// </summary>
    /// <exception cref="FormatException">The document names an entry that <paramref name="entries"/> does not have.</exception>
    public static IReadOnlyList<FaqEntry> AddTranslation(IReadOnlyList<FaqEntry> entries, string language, IReadOnlyList<FaqEntry> translated)
    {
        ArgumentNullException.ThrowIfNull(entries);
        ArgumentNullException.ThrowIfNull(language);
        ArgumentNullException.ThrowIfNull(translated);
        var byId = translated.ToDictionary(t => t.Id, StringComparer.Ordinal);
        var unknown = byId.Keys.Except(entries.Select(e => e.Id), StringComparer.Ordinal).ToList();
        if (unknown.Count > 0)
        {
            throw new FormatException($"The \"{language}\" translation names entries that do not exist: {string.Join(", ", unknown)}.");
        }

        return [.. entries.Select(e => byId.TryGetValue(e.Id, out var t) ? e.WithTranslation(language, new FaqContent(t.Question, t.Alternates, t.Answer)) : e)];
    }

    /// <summary>
    /// The translation files that go with a FAQ file: <c>name.{language}.json</c> next to <c>name.json</c>, for each
    /// language other than English that has one.
    /// </summary>
    public static IEnumerable<(string Language, string Path)> TranslationFiles(string faqPath)
    {
        ArgumentNullException.ThrowIfNull(faqPath);
        var folder = Path.GetDirectoryName(faqPath) ?? ".";
        var name = Path.GetFileNameWithoutExtension(faqPath);
        foreach (var language in Languages.FaqLanguages.Translated)
        {
            var path = Path.Combine(folder, $"{name}.{language}.json");
            if (File.Exists(path))
            {
                yield return (language, path);
            }
        }
    }

    /// <summary>Reads a FAQ file and the translation files next to it (see <see cref="TranslationFiles"/>).</summary>
    /// <exception cref="FormatException">A file is not valid FAQ JSON, or a translation names an unknown entry.</exception>
    public static async Task<IReadOnlyList<FaqEntry>> ReadWithTranslationsAsync(string faqPath, CancellationToken cancellationToken = default)
    {
        IReadOnlyList<FaqEntry> entries;
        await using (var stream = File.OpenRead(faqPath))
        {
            entries = await ReadAsync(stream, cancellationToken);
        }

        foreach (var (language, path) in TranslationFiles(faqPath))
        {
            await using var stream = File.OpenRead(path);
            entries = AddTranslation(entries, language, await ReadAsync(stream, cancellationToken));
        }

        return entries;
    }

    /// <summary>The non-blank values of a list, trimmed: blank lines in an editor are not alternates, tags or ids.</summary>
    public static string[] Clean(IEnumerable<string?>? values) =>
        values is null ? [] : [.. values.Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v!.Trim())];
}

internal sealed record FaqSetDocument(List<EntryInput?>? Entries);

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    WriteIndented = true,
    ReadCommentHandling = JsonCommentHandling.Skip,
    AllowTrailingCommas = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(FaqSetDocument))]
[JsonSerializable(typeof(EntryInput))]
internal sealed partial class FaqSetJsonContext : JsonSerializerContext;
