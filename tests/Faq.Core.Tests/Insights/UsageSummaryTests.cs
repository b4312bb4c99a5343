using Faq.Core.Insights;

namespace Faq.Core.Tests.Insights;

public sealed class UsageSummaryTests
{
    private static readonly DateOnly Monday = new(2026, 11, 30);

    private static UsageDay Day(DateOnly day, params (string Kind, string FaqId, string Channel, long Count)[] cells) =>
        new(day, cells.ToDictionary(c => new UsageCell(c.Kind, c.FaqId, c.Channel), c => c.Count));

    [Fact]
    public void EveryDayOfThePeriodIsListedAndTotalsChannelsAndEntriesAddUp()
    {
        var days = new[]
        {
            Day(Monday, ("answered", "booking", "web", 3), ("answered", "is-it-painful", "sms", 1), ("fallback", "", "web", 2), ("helpful", "booking", "", 2)),
            Day(Monday.AddDays(2), ("clarify", "", "whatsapp", 1), ("urgent", "", "web", 1), ("notHelpful", "is-it-painful", "", 1), ("notHelpful", "gone", "", 1)),
            Day(Monday.AddDays(9), ("answered", "booking", "web", 50)),
        };

        var summary = UsageSummary.Build(Monday, Monday.AddDays(3), days, id => id == "gone" ? null : "Q " + id);

        Assert.Equal(new UsageTotals(8, 4, 1, 2, 1, 0.5), summary.Totals);
        Assert.Equal(
            [
                new UsageDayTotals("2026-11-30", 6, 4, 0, 2, 0),
                new UsageDayTotals("2026-12-01", 0, 0, 0, 0, 0),
                new UsageDayTotals("2026-12-02", 2, 0, 1, 0, 1),
                new UsageDayTotals("2026-12-03", 0, 0, 0, 0, 0),
            ],
            summary.Days);
        Assert.Equal([new ChannelTotals("web", 6), new ChannelTotals("sms", 1), new ChannelTotals("whatsapp", 1), new ChannelTotals("api", 0)], summary.Channels);
        Assert.Equal(
            [
                new EntryTotals("booking", "Q booking", 3, 2, 0),
                new EntryTotals("is-it-painful", "Q is-it-painful", 1, 0, 1),
                new EntryTotals("gone", "gone", 0, 0, 1),
            ],
            summary.Entries);
    }

    [Fact]
    public void NothingCountedIsAZeroPeriodNotAnError()
    {
        var summary = UsageSummary.Build(Monday, Monday, [], _ => null);

        Assert.Equal(new UsageTotals(0, 0, 0, 0, 0, 0), summary.Totals);
        Assert.Single(summary.Days);
        Assert.All(summary.Channels, c => Assert.Equal(0, c.Asked));
        Assert.Empty(summary.Entries);
    }

    [Theory]
    [InlineData("answered|booking|web", true)]
    [InlineData("notHelpful|booking|", true)]
    [InlineData("fallback||sms", true)]
    [InlineData("asked|booking|web", false)]
    [InlineData("answered|booking", false)]
    [InlineData(null, false)]
    public void CellKeysRoundTrip(string? key, bool valid)
    {
        Assert.Equal(valid, UsageCell.TryParse(key, out var cell));
        if (valid)
        {
            Assert.Equal(key, cell.ToString());
        }
    }
}
