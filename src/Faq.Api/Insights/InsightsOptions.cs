namespace Faq.Api.Insights;

/// <summary>How usage is counted for the insights dashboard (<c>Faq:Insights</c>).</summary>
internal sealed class InsightsOptions
{
    public const string Section = "Faq:Insights";

    /// <summary>How many months of daily counts are kept (13: this month and the same month last year).</summary>
    public int RetentionMonths { get; set; } = 13;

    /// <summary>Longest time counts wait in an instance's memory before they are written to the store.</summary>
    public int FlushSeconds { get; set; } = 10;

    public IEnumerable<string> Validate()
    {
        if (RetentionMonths is < 1 or > 120)
        {
            yield return "Faq:Insights:RetentionMonths must be between 1 and 120.";
        }

        if (FlushSeconds is < 1 or > 300)
        {
            yield return "Faq:Insights:FlushSeconds must be between 1 and 300.";
        }
    }
}
