namespace Faq.Core.Insights;

/// <summary>Questions by outcome over a period or on one day.</summary>
/// <param name="Asked">Every question counted: the sum of the four outcomes.</param>
/// <param name="Answered">Answered from one entry.</param>
/// <param name="Clarify">Answered with "did you mean…?".</param>
/// <param name="Fallback">Not answered.</param>
/// <param name="Urgent">Got the urgent reply.</param>
/// <param name="AnswerRate">Answered ÷ asked, rounded to three places; 0 when nothing was asked.</param>
public sealed record UsageTotals(long Asked, long Answered, long Clarify, long Fallback, long Urgent, double AnswerRate);

/// <summary>One day's questions by outcome.</summary>
/// <param name="Date">The UTC day, <c>yyyy-MM-dd</c>.</param>
/// <param name="Asked">The sum of the four outcomes.</param>
/// <param name="Answered">Answered from one entry.</param>
/// <param name="Clarify">Answered with "did you mean…?".</param>
/// <param name="Fallback">Not answered.</param>
/// <param name="Urgent">Got the urgent reply.</param>
public sealed record UsageDayTotals(string Date, long Asked, long Answered, long Clarify, long Fallback, long Urgent);

/// <summary>Questions asked on one channel.</summary>
/// <param name="Channel"><c>web</c>, <c>sms</c>, <c>whatsapp</c> or <c>api</c>.</param>
/// <param name="Asked">Questions asked on it.</param>
public sealed record ChannelTotals(string Channel, long Asked);

/// <summary>How often an entry answered, and what patients thought of it.</summary>
/// <param name="FaqId">The entry.</param>
/// <param name="Question">Its question as the FAQ has it now (its id when it no longer exists).</param>
/// <param name="Answered">Questions it answered.</param>
/// <param name="Helpful">Helpful votes.</param>
/// <param name="NotHelpful">Not-helpful votes.</param>
public sealed record EntryTotals(string FaqId, string Question, long Answered, long Helpful, long NotHelpful);

/// <summary>The figures of a period, computed from the counters.</summary>
/// <param name="Totals">The period's totals.</param>
/// <param name="Days">Every day of the period, oldest first, days without questions included.</param>
/// <param name="Channels">Every channel, most used first.</param>
/// <param name="Entries">Every entry that answered or got a vote, most answered first.</param>
public sealed record UsageSummary(UsageTotals Totals, IReadOnlyList<UsageDayTotals> Days, IReadOnlyList<ChannelTotals> Channels, IReadOnlyList<EntryTotals> Entries)
{
    /// <summary>The channels every summary lists, in this order when their counts are equal.</summary>
    public static IReadOnlyList<string> KnownChannels { get; } = ["web", "sms", "whatsapp", "api"];

    /// <summary>Sums counters into the figures of the days <paramref name="from"/> to <paramref name="to"/>.</summary>
    /// <param name="from">First day (UTC).</param>
    /// <param name="to">Last day (UTC), inclusive.</param>
    /// <param name="days">The counters of days in the period (days outside it are ignored).</param>
    /// <param name="question">An entry's current question, or null when it no longer exists.</param>
    public static UsageSummary Build(DateOnly from, DateOnly to, IEnumerable<UsageDay> days, Func<string, string?> question)
    {
        ArgumentNullException.ThrowIfNull(days);
        ArgumentNullException.ThrowIfNull(question);
        var byDay = new Dictionary<DateOnly, long[]>();
        var channels = KnownChannels.ToDictionary(c => c, _ => 0L, StringComparer.Ordinal);
        var entries = new Dictionary<string, long[]>(StringComparer.Ordinal);
        foreach (var day in days)
        {
            if (day.Day < from || day.Day > to)
            {
                continue;
            }

            var outcomes = byDay.TryGetValue(day.Day, out var known) ? known : byDay[day.Day] = new long[4];
            foreach (var (cell, count) in day.Counts)
            {
                var outcome = Index(UsageKinds.Outcomes, cell.Kind);
                if (outcome >= 0)
                {
                    outcomes[outcome] += count;
                    channels[cell.Channel] = channels.GetValueOrDefault(cell.Channel) + count;
                }

                if (cell.FaqId.Length > 0 && cell.Kind is UsageKinds.Answered or UsageKinds.Helpful or UsageKinds.NotHelpful)
                {
                    var entry = entries.TryGetValue(cell.FaqId, out var e) ? e : entries[cell.FaqId] = new long[3];
                    entry[cell.Kind switch { UsageKinds.Answered => 0, UsageKinds.Helpful => 1, _ => 2 }] += count;
                }
            }
        }

        var dayTotals = new List<UsageDayTotals>();
        var sum = new long[4];
        for (var date = from; date <= to; date = date.AddDays(1))
        {
            var o = byDay.GetValueOrDefault(date) ?? new long[4];
            for (var i = 0; i < 4; i++)
            {
                sum[i] += o[i];
            }

            dayTotals.Add(new UsageDayTotals(date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), o.Sum(), o[0], o[1], o[2], o[3]));
        }

        var asked = sum.Sum();
        return new UsageSummary(
            new UsageTotals(asked, sum[0], sum[1], sum[2], sum[3], asked == 0 ? 0 : Math.Round((double)sum[0] / asked, 3)),
            dayTotals,
            [.. channels.Where(c => c.Key.Length > 0)
                .OrderByDescending(c => c.Value)
                .ThenBy(c => Index(KnownChannels, c.Key) is var i && i >= 0 ? i : int.MaxValue)
                .ThenBy(c => c.Key, StringComparer.Ordinal)
                .Select(c => new ChannelTotals(c.Key, c.Value))],
            [.. entries
                .Select(e => new EntryTotals(e.Key, question(e.Key) ?? e.Key, e.Value[0], e.Value[1], e.Value[2]))
                .OrderByDescending(e => e.Answered)
                .ThenByDescending(e => e.Helpful + e.NotHelpful)
                .ThenBy(e => e.FaqId, StringComparer.Ordinal)]);
    }

    private static int Index(IReadOnlyList<string> list, string value)
    {
        for (var i = 0; i < list.Count; i++)
        {
            if (string.Equals(list[i], value, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }
}
