using System.Text;

namespace Faq.Storage.Tables;

/// <summary>Validation and escaping of PartitionKey and RowKey values and of OData filter literals.</summary>
internal static class TableKeys
{
    public const int MaxKeyLength = 1024;

    /// <summary>Rejects what Table Storage forbids in keys: / \ # ? and control characters, or over 1 KiB.</summary>
    /// <exception cref="ArgumentException">The key is not allowed.</exception>
    public static void Validate(string key, string name)
    {
        ArgumentNullException.ThrowIfNull(key, name);
        if (key.Length > MaxKeyLength)
        {
            throw new ArgumentException($"The {name} is longer than {MaxKeyLength} characters.", name);
        }

        foreach (var c in key)
        {
            if (c is '/' or '\\' or '#' or '?' || c <= '\u001f' || c is >= '\u007f' and <= '\u009f')
            {
                throw new ArgumentException($"The {name} contains a character Table Storage does not allow in keys ('{Describe(c)}').", name);
            }
        }
    }

    /// <summary>The entity address segment: <c>(PartitionKey='…',RowKey='…')</c>, quotes doubled, then URL-encoded.</summary>
    public static string EntityPath(string partitionKey, string rowKey)
    {
        Validate(partitionKey, "PartitionKey");
        Validate(rowKey, "RowKey");
        return $"(PartitionKey='{Uri.EscapeDataString(Quote(partitionKey))}',RowKey='{Uri.EscapeDataString(Quote(rowKey))}')";
    }

    /// <summary>An OData string literal: single quotes doubled and the whole wrapped in quotes.</summary>
    public static string Literal(string value) => $"'{Quote(value)}'";

    private static string Quote(string value) => value.Replace("'", "''", StringComparison.Ordinal);

    private static string Describe(char c) => c <= '\u001f' || c >= '\u007f'
        ? $"U+{(int)c:X4}"
        : new StringBuilder().Append(c).ToString();
}
