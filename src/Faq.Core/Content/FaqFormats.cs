using System.Text;

namespace Faq.Core.Content;

/// <summary>The two file formats a FAQ is imported from and exported to.</summary>
public enum FaqFormat
{
    /// <summary>The <c>data/faq</c> JSON format.</summary>
    Json,

    /// <summary>CSV with the columns of <see cref="FaqCsv.Columns"/>.</summary>
    Csv,
}

/// <summary>One row of an import, CSV or JSON, read as an entry, or the reason it could not be.</summary>
/// <param name="Row">1-based row number: the CSV data row (the header is row 0) or the JSON entry's position.</param>
/// <param name="Entry">The entry, when the row could be read.</param>
/// <param name="Error">Why the row could not be read.</param>
public sealed record ImportRow(int Row, FaqEntry? Entry, string? Error);

/// <summary>Reading import rows and writing exports in either <see cref="FaqFormat"/>, the same for every caller.</summary>
public static class FaqFormats
{
    /// <summary>The rows of an import: CSV rows as they are, JSON entries numbered from 1.</summary>
    /// <exception cref="FormatException">The text is not readable in that format.</exception>
    public static IReadOnlyList<ImportRow> ReadRows(string text, FaqFormat format) => format == FaqFormat.Csv
        ? FaqCsv.Parse(text)
        : [.. FaqSet.ParseLenient(text).Select((e, i) => new ImportRow(i + 1, e, null))];

    /// <summary>The entries as a UTF-8 file in the format.</summary>
    public static async Task<byte[]> WriteAsync(IEnumerable<FaqEntry> entries, FaqFormat format, CancellationToken cancellationToken = default)
    {
        if (format == FaqFormat.Csv)
        {
            return Encoding.UTF8.GetBytes(FaqCsv.Write(entries));
        }

        using var stream = new MemoryStream();
        await FaqSet.WriteAsync(stream, entries, cancellationToken);
        return stream.ToArray();
    }
}
