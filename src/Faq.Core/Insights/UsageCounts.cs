namespace Faq.Core.Insights;

/// <summary>What is counted: the four reply outcomes and the two feedback votes.</summary>
public static class UsageKinds
{
    /// <summary>A question answered from one entry.</summary>
    public const string Answered = "answered";

    /// <summary>A question answered with "did you mean…?".</summary>
    public const string Clarify = "clarify";

    /// <summary>A question the bot could not answer.</summary>
    public const string Fallback = "fallback";

    /// <summary>A message that got the urgent "seek care now" reply.</summary>
    public const string Urgent = "urgent";

    /// <summary>A patient found an answer helpful.</summary>
    public const string Helpful = "helpful";

    /// <summary>A patient found an answer not helpful.</summary>
    public const string NotHelpful = "notHelpful";

    /// <summary>The four outcomes, in the order reports list them.</summary>
    public static IReadOnlyList<string> Outcomes { get; } = [Answered, Clarify, Fallback, Urgent];

    /// <summary>Every kind.</summary>
    public static IReadOnlyList<string> All { get; } = [Answered, Clarify, Fallback, Urgent, Helpful, NotHelpful];
}

/// <summary>
/// One counter of a day: how many replies of one outcome (or feedback votes) for one entry on one channel. No
/// patient text: an entry id and a channel name are all it holds.
/// </summary>
/// <param name="Kind">One of <see cref="UsageKinds"/>.</param>
/// <param name="FaqId">The entry answered from or voted on; empty when there is none (clarify, fallback, urgent).</param>
/// <param name="Channel">The channel asked on (<c>web</c>, <c>sms</c>, <c>whatsapp</c>, <c>api</c>); empty for votes.</param>
public readonly record struct UsageCell(string Kind, string FaqId, string Channel)
{
    private const char Separator = '|';

    /// <summary>The cell as one string key, <c>kind|faqId|channel</c> (entry ids and channels never contain <c>|</c>).</summary>
    public override string ToString() => string.Concat(Kind, "|", FaqId, "|", Channel);

    /// <summary>Reads a key written by <see cref="ToString"/>; false for anything else.</summary>
    public static bool TryParse(string? key, out UsageCell cell)
    {
        cell = default;
        var parts = key?.Split(Separator);
        if (parts is not { Length: 3 } || !UsageKinds.All.Contains(parts[0]))
        {
            return false;
        }

        cell = new UsageCell(parts[0], parts[1], parts[2]);
        return true;
    }
}

/// <summary>Everything counted on one UTC day, summed over every instance that counted.</summary>
/// <param name="Day">The UTC day.</param>
/// <param name="Counts">Count per cell; cells never counted are absent.</param>
public sealed record UsageDay(DateOnly Day, IReadOnlyDictionary<UsageCell, long> Counts);

/// <summary>
/// Where usage counters are kept. Each writer (one app instance, for the life of its process) owns its own totals
/// per day and replaces them as they grow, so many instances count at once without contending for one record, a
/// retried write never counts twice, and readers sum the writers. Implementations are thread-safe.
/// </summary>
public interface IUsageStore
{
    /// <summary>Replaces <paramref name="writer"/>'s totals for <paramref name="day"/> with <paramref name="totals"/>.</summary>
    Task SaveAsync(string writer, DateOnly day, IReadOnlyDictionary<UsageCell, long> totals, CancellationToken cancellationToken = default);

    /// <summary>The days from <paramref name="first"/> to <paramref name="last"/> (inclusive) that have counts, summed over writers, oldest first.</summary>
    Task<IReadOnlyList<UsageDay>> ReadAsync(DateOnly first, DateOnly last, CancellationToken cancellationToken = default);

    /// <summary>Removes the counts of days before <paramref name="before"/>; returns how many writer-days went.</summary>
    Task<int> PurgeAsync(DateOnly before, CancellationToken cancellationToken = default);
}
