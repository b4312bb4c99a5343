using System.Globalization;

namespace Faq.Storage;

/// <summary>Ids for review records: an inverted timestamp (newest sorts first) and a random suffix.</summary>
public static class ReviewIds
{
    /// <summary>A new id for a record made at <paramref name="at"/>.</summary>
    public static string New(DateTimeOffset at) =>
        (DateTimeOffset.MaxValue.UtcTicks - at.UtcTicks).ToString("D19", CultureInfo.InvariantCulture) + "-" + Guid.NewGuid().ToString("N")[..8];
}
