namespace Faq.Api.Review;

/// <summary>What is kept for staff review, and for how long (<c>Faq:Admin:UnansweredRetentionDays</c>, <c>Faq:Admin:ReviewBelowConfidence</c>).</summary>
internal sealed class ReviewOptions
{
    public const string Section = "Faq:Admin";

    /// <summary>How long unanswered questions are kept for review.</summary>
    public int UnansweredRetentionDays { get; set; } = 30;

    /// <summary>Answered questions below this confidence are also kept for review.</summary>
    public double ReviewBelowConfidence { get; set; } = 0.75;
}
