using System.Globalization;
using System.Text;
using Faq.Api.Review;
using Faq.Api.Snapshots;
using Faq.Core.Insights;
using Faq.Core.Storage;

namespace Faq.Api.Insights;

/// <summary>A group of the review queue the bot kept missing in the period.</summary>
/// <param name="GroupId">The group's id in the review queue (<c>GET /api/admin/unanswered</c>).</param>
/// <param name="Count">How many of its questions went unanswered (fallback or clarify) in the period.</param>
/// <param name="Example">The wording that stands for the group (redacted).</param>
/// <param name="SuggestedFaqId">The entry the matcher proposes for it, or null: it needs a new entry.</param>
internal sealed record MissedGroupDto(string GroupId, int Count, string Example, string? SuggestedFaqId);

/// <summary>What patients asked in a period and how the bot did.</summary>
/// <param name="From">First day (UTC), <c>yyyy-MM-dd</c>.</param>
/// <param name="To">Last day (UTC), inclusive.</param>
/// <param name="Totals">The period's questions by outcome and the answer rate.</param>
/// <param name="Days">Every day of the period, oldest first.</param>
/// <param name="Channels">Questions per channel, most used first.</param>
/// <param name="TopEntries">Entries that answered or got votes, most answered first.</param>
/// <param name="Missed">The review queue's groups most often missed in the period (at most 10, largest first).</param>
internal sealed record InsightsResponse(
    string From, string To, UsageTotals Totals, IReadOnlyList<UsageDayTotals> Days, IReadOnlyList<ChannelTotals> Channels,
    IReadOnlyList<EntryTotals> TopEntries, IReadOnlyList<MissedGroupDto> Missed);

internal static class InsightsEndpoints
{
    /// <summary>Longest period one request may cover.</summary>
    public const int MaxDays = 400;

    /// <summary>The period when none is given: the last 30 days, today included.</summary>
    public const int DefaultDays = 30;

    private const int MaxMissed = 10;

    public static RouteGroupBuilder MapAdminInsights(this RouteGroupBuilder admin)
    {
        admin.MapGet("/insights", Get).WithName("Insights").WithTags("Admin: insights")
            .Produces<InsightsResponse>(StatusCodes.Status200OK, "application/json", "text/csv")
            .ProducesProblems(StatusCodes.Status503ServiceUnavailable);
        return admin;
    }

    /// <summary>The figures of a period, as JSON or (<c>format=csv</c>) as CSV.</summary>
    internal static async Task<IResult> Get(
        string? from, string? to, string? format, UsageCounter counter, IUsageStore usage, ReviewQueue queue, FaqSnapshots snapshots,
        TimeProvider time, CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var first = Day(from, "from", errors);
        var last = Day(to, "to", errors);
        var csv = format?.Trim().ToLowerInvariant() switch
        {
            null or "" or "json" => false,
            "csv" => true,
            _ => (bool?)null,
        };
        if (csv is null)
        {
            errors["format"] = ["Use format=json (the default) or format=csv."];
        }

        if (errors.Count == 0)
        {
            (first, last) = (first, last) switch
            {
                (null, null) => (today.AddDays(1 - DefaultDays), today),
                (null, { } l) => (l.AddDays(1 - DefaultDays), l),
                ({ } f, null) => (f, f.AddDays(DefaultDays - 1) < today ? f.AddDays(DefaultDays - 1) : today < f ? f : today),
                _ => (first, last),
            };
            if (first > last)
            {
                errors["from"] = [$"The period starts ({Text(first!.Value)}) after it ends ({Text(last!.Value)})."];
            }
            else if (last!.Value.DayNumber - first!.Value.DayNumber + 1 > MaxDays)
            {
                errors["to"] = [$"A period covers at most {MaxDays} days; this one covers {last.Value.DayNumber - first.Value.DayNumber + 1}."];
            }
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "The period is not valid.");
        }

        var (start, end) = (first!.Value, last!.Value);
        IReadOnlyList<UsageDay> days;
        IReadOnlyList<ReviewGroup> groups;
        try
        {
            // This instance's own counts first, so what was just asked here is in the figures; other instances'
            // arrive within their flush interval.
            await counter.FlushAsync(cancellationToken);
            days = await usage.ReadAsync(start, end, cancellationToken);
            groups = await queue.GroupsAsync(cancellationToken);
        }
        catch (FaqStoreUnavailableException ex)
        {
            return TypedResults.Problem(title: "The figures cannot be read right now.", detail: ex.Message, statusCode: StatusCodes.Status503ServiceUnavailable);
        }

        var index = snapshots.Current?.Index;
        var summary = UsageSummary.Build(start, end, days, id => index is not null && index.ById.TryGetValue(id, out var i) ? index.Entries[i].Question : null);
        var missed = groups
            .Select(g => (Group: g, Count: g.Group.Members.Count(q => ReviewGroup.IsMissed(q.Outcome) && DateOnly.FromDateTime(q.At.UtcDateTime) is var d && d >= start && d <= end)))
            .Where(g => g.Count > 0)
            .OrderByDescending(g => g.Count).ThenByDescending(g => g.Group.Group.LastAsked)
            .Take(MaxMissed)
            .Select(g => new MissedGroupDto(g.Group.Group.Id, g.Count, g.Group.Group.Representative.Question, g.Group.Proposal?.Entry.Id))
            .ToList();
        var response = new InsightsResponse(Text(start), Text(end), summary.Totals, summary.Days, summary.Channels, summary.Entries, missed);
        return csv == true
            ? TypedResults.File(Encoding.UTF8.GetBytes(Csv(response)), "text/csv; charset=utf-8", $"insights-{response.From}-to-{response.To}.csv")
            : TypedResults.Ok(response);
    }

    private static DateOnly? Day(string? value, string name, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (DateOnly.TryParseExact(value.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return day;
        }

        errors[name] = [$"Give a UTC day as YYYY-MM-DD, e.g. 2026-12-01 (not \"{(value.Length > 20 ? value[..20] + "…" : value)}\")."];
        return null;
    }

    private static string Text(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Column names of the CSV: one table, a <c>section</c> column says what each row is.</summary>
    public static readonly IReadOnlyList<string> CsvColumns =
        ["section", "date", "channel", "faqId", "text", "asked", "answered", "clarify", "fallback", "urgent", "answerRate", "helpful", "notHelpful", "count", "groupId"];

    /// <summary>
    /// The same figures as the JSON, one row each: <c>total</c> (the period, its first and last day in <c>date</c> as
    /// <c>from/to</c>), <c>day</c>, <c>channel</c>, <c>entry</c> and <c>missed</c> rows.
    /// </summary>
    internal static string Csv(InsightsResponse r)
    {
        var builder = new StringBuilder();
        builder.AppendJoin(',', CsvColumns).Append("\r\n");
        void Row(string section, string date = "", string channel = "", string faqId = "", string text = "", long? asked = null, long? answered = null,
            long? clarify = null, long? fallback = null, long? urgent = null, double? rate = null, long? helpful = null, long? notHelpful = null, long? count = null, string groupId = "")
        {
            string N(long? n) => n?.ToString(CultureInfo.InvariantCulture) ?? string.Empty;
            builder.AppendJoin(',', new[]
            {
                section, date, channel, Quote(faqId), Quote(text), N(asked), N(answered), N(clarify), N(fallback), N(urgent),
                rate?.ToString("0.###", CultureInfo.InvariantCulture) ?? string.Empty, N(helpful), N(notHelpful), N(count), groupId,
            }).Append("\r\n");
        }

        var t = r.Totals;
        Row("total", date: $"{r.From}/{r.To}", asked: t.Asked, answered: t.Answered, clarify: t.Clarify, fallback: t.Fallback, urgent: t.Urgent, rate: t.AnswerRate);
        foreach (var d in r.Days)
        {
            Row("day", date: d.Date, asked: d.Asked, answered: d.Answered, clarify: d.Clarify, fallback: d.Fallback, urgent: d.Urgent,
                rate: d.Asked == 0 ? 0 : Math.Round((double)d.Answered / d.Asked, 3));
        }

        foreach (var c in r.Channels)
        {
            Row("channel", channel: c.Channel, asked: c.Asked);
        }

        foreach (var e in r.TopEntries)
        {
            Row("entry", faqId: e.FaqId, text: e.Question, answered: e.Answered, helpful: e.Helpful, notHelpful: e.NotHelpful);
        }

        foreach (var m in r.Missed)
        {
            Row("missed", faqId: m.SuggestedFaqId ?? string.Empty, text: m.Example, count: m.Count, groupId: m.GroupId);
        }

        return builder.ToString();
    }

    // RFC 4180 quoting; a cell a spreadsheet would run as a formula (patients' words can start with = + - @) gets a leading apostrophe.
    private static string Quote(string field)
    {
        if (field.Length > 0 && field[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            field = "'" + field;
        }

        return field.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : field;
    }
}
