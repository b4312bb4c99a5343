using System.Text;

namespace Faq.Storage.Tables;

/// <summary>What Table Storage allows in PartitionKey and RowKey values, checked before anything is sent.</summary>
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

    private static string Describe(char c) => c <= '\u001f' || c >= '\u007f'
        ? $"U+{(int)c:X4}"
        : new StringBuilder().Append(c).ToString();
}
