using System.Text;

namespace Faq.Core.Content;

/// <summary>
/// The FAQ as CSV (RFC 4180): a header with the columns <c>id, question, alternates, answer, tags, related</c> in
/// any order; fields with commas, quotes or line breaks are quoted, quotes doubled; lists are separated by <c>|</c>.
/// UTF-8, with or without a byte-order mark.
/// </summary>
public static class FaqCsv
{
    /// <summary>The columns, in the order <see cref="Write"/> uses.</summary>
    public static readonly IReadOnlyList<string> Columns = ["id", "question", "alternates", "answer", "tags", "related"];

    /// <summary>Optional columns of each translated language: <c>question_es</c>, <c>alternates_es</c>, <c>answer_es</c>.
    /// A row whose three are empty has no text in that language. Exports always carry them.</summary>
    public static readonly IReadOnlyList<string> TranslationColumns =
        [.. Languages.FaqLanguages.Translated.SelectMany(l => new[] { $"question_{l}", $"alternates_{l}", $"answer_{l}" })];

    /// <summary>Reads rows.</summary>
    /// <exception cref="FormatException">The header is missing a column, or the quoting is broken.</exception>
    public static IReadOnlyList<ImportRow> Parse(string csv)
    {
        ArgumentNullException.ThrowIfNull(csv);
        var records = ReadRecords(csv.TrimStart('\uFEFF'));
        if (records.Count == 0)
        {
            throw new FormatException("The CSV is empty: it needs a header row with the columns " + string.Join(", ", Columns) + ".");
        }

        var header = records[0].Select(h => h.Trim().ToLowerInvariant()).ToList();
        var missing = Columns.Where(c => !header.Contains(c)).ToList();
        if (missing.Count > 0)
        {
            throw new FormatException($"The CSV header lacks the column(s): {string.Join(", ", missing)}. Expected: {string.Join(", ", Columns)}.");
        }

        var at = Columns.ToDictionary(c => c, c => header.IndexOf(c), StringComparer.Ordinal);
        var rows = new List<ImportRow>();
        for (var r = 1; r < records.Count; r++)
        {
            var fields = records[r];
            if (fields.All(string.IsNullOrWhiteSpace))
            {
                continue;
            }

            if (fields.Count != header.Count)
            {
                rows.Add(new ImportRow(r, null, $"Row {r} has {fields.Count} fields; the header has {header.Count}."));
                continue;
            }

            string Field(string column) => fields[at[column]].Trim();
            string Optional(string column) => header.IndexOf(column) is var i && i >= 0 ? fields[i].Trim() : string.Empty;
            var entry = new FaqEntry(Field("id"), Field("question"), List(Field("alternates")), Field("answer"), List(Field("tags")), List(Field("related")));
            foreach (var language in Languages.FaqLanguages.Translated)
            {
                var content = new ContentInput(Optional($"question_{language}"), List(Optional($"alternates_{language}")), Optional($"answer_{language}"));
                if (!content.IsBlank)
                {
                    entry = entry.WithTranslation(language, content.ToContent());
                }
            }

            rows.Add(new ImportRow(r, entry, null));
        }

        return rows;
    }

    /// <summary>Writes entries as CSV with a header, CRLF line ends and a byte-order mark for spreadsheet apps.</summary>
    public static string Write(IEnumerable<FaqEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var builder = new StringBuilder("\uFEFF");
        builder.AppendJoin(',', Columns.Concat(TranslationColumns)).Append("\r\n");
        foreach (var e in entries)
        {
            var translated = Languages.FaqLanguages.Translated.SelectMany(l => e.Translations.TryGetValue(l, out var t)
                ? new[] { t.Question, string.Join('|', t.Alternates), t.Answer }
                : [string.Empty, string.Empty, string.Empty]);
            builder.AppendJoin(',', new[] { e.Id, e.Question, string.Join('|', e.Alternates), e.Answer, string.Join('|', e.Tags), string.Join('|', e.Related) }.Concat(translated).Select(Quote));
            builder.Append("\r\n");
        }

        return builder.ToString();
    }

    private static string[] List(string field) =>
        [.. field.Split('|', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)];

    private static string Quote(string field) =>
        field.IndexOfAny([',', '"', '\r', '\n']) >= 0 || field.StartsWith(' ') || field.EndsWith(' ')
            ? "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
            : field;

    private static List<List<string>> ReadRecords(string text)
    {
        var records = new List<List<string>>();
        var record = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        var fieldStarted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"')
                {
                    if (i + 1 < text.Length && text[i + 1] == '"')
                    {
                        field.Append('"');
                        i++;
                    }
                    else
                    {
                        quoted = false;
                    }
                }
                else
                {
                    field.Append(c);
                }

                continue;
            }

            switch (c)
            {
                case '"' when field.Length == 0 || !fieldStarted || field.ToString().Trim().Length == 0:
                    field.Clear();
                    quoted = true;
                    fieldStarted = true;
                    break;
                case '"':
                    throw new FormatException($"A quote appears inside an unquoted field in record {records.Count + 1}; quote the whole field and double the quote.");
                case ',':
                    record.Add(field.ToString());
                    field.Clear();
                    fieldStarted = false;
                    break;
                case '\r' or '\n':
                    if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                    {
                        i++;
                    }

                    record.Add(field.ToString());
                    records.Add(record);
                    record = [];
                    field.Clear();
                    fieldStarted = false;
                    break;
                default:
                    field.Append(c);
                    fieldStarted = true;
                    break;
            }
        }

        if (quoted)
        {
            throw new FormatException($"A quoted field in record {records.Count + 1} is never closed.");
        }

        if (field.Length > 0 || record.Count > 0)
        {
            record.Add(field.ToString());
            records.Add(record);
        }

        return records;
    }
}
