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
            .. entries.Select(e => new EntryInput(e.Id, e.Question, [.. e.Alternates], e.Answer, [.. e.Tags], [.. e.Related])),
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

            entries.Add(new FaqEntry(e.Id, e.Question, Clean(e.Alternates), e.Answer, Clean(e.Tags), Clean(e.Related)));
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
internal sealed partial class FaqSetJsonContext : JsonSerializerContext;
