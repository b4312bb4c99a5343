using System.Globalization;

namespace Faq.Storage;

/// <summary>Ids for review records: an inverted timestamp (newest sorts first) and a random suffix.</summary>
public static class ReviewIds
{
    /// <summary>A new id for a record made at <paramref name="at"/>.</summary>
    public static string New(DateTimeOffset at) =>
        (DateTimeOffset.MaxValue.UtcTicks - at.UtcTicks).ToString("D19", CultureInfo.InvariantCulture) + "-" + Guid.NewGuid().ToString("N")[..8];

    /// <summary>Whether <see cref="New"/> could have made this id: 19 digits, a hyphen, 8 lowercase hex digits.</summary>
    public static bool IsPossible(string? id) =>
        id is { Length: 28 } && id[19] == '-'
        && id.AsSpan(0, 19).IndexOfAnyExceptInRange('0', '9') < 0
        && id.AsSpan(20).IndexOfAnyExcept(LowerHex) < 0;

    private static readonly System.Buffers.SearchValues<char> LowerHex = System.Buffers.SearchValues.Create("0123456789abcdef");
}
