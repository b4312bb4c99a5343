namespace Faq.Core.Review;

/// <summary>A question the bot could not answer confidently, kept (redacted) for staff to review.</summary>
/// <param name="Id">Stable id for dismiss and attach.</param>
/// <param name="Question">The patient's question with personal details redacted.</param>
/// <param name="At">When it was asked.</param>
/// <param name="Outcome"><c>fallback</c>, <c>clarify</c> or <c>answered</c> (low confidence).</param>
/// <param name="Confidence">The bot's confidence in its best entry.</param>
/// <param name="Candidates">The best-scoring entry ids, best first.</param>
public sealed record UnansweredQuestion(string Id, string Question, DateTimeOffset At, string Outcome, double Confidence, IReadOnlyList<string> Candidates);

/// <summary>Helpful and unhelpful votes for one entry.</summary>
public sealed record FeedbackCount(string FaqId, long Helpful, long Unhelpful);

/// <summary>Where unanswered questions and patient feedback are kept. Implementations are thread-safe.</summary>
public interface IReviewStore
{
    /// <summary>Keeps unanswered questions (a batch is one write where the store allows).</summary>
    Task RecordUnansweredAsync(IReadOnlyList<UnansweredQuestion> questions, CancellationToken cancellationToken = default);

    /// <summary>Unanswered questions, newest first.</summary>
    Task<IReadOnlyList<UnansweredQuestion>> ListUnansweredAsync(CancellationToken cancellationToken = default);

    /// <summary>One unanswered question, or null.</summary>
    Task<UnansweredQuestion?> GetUnansweredAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>Removes an unanswered question (dismissed, or attached to an entry); false when it was not there.</summary>
    Task<bool> RemoveUnansweredAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>Removes unanswered questions asked before a time; returns how many.</summary>
    Task<int> PurgeUnansweredAsync(DateTimeOffset before, CancellationToken cancellationToken = default);

    /// <summary>Records a thumbs up or down for an entry's answer.</summary>
    Task RecordFeedbackAsync(string faqId, bool helpful, DateTimeOffset at, CancellationToken cancellationToken = default);

    /// <summary>Votes per entry.</summary>
    Task<IReadOnlyList<FeedbackCount>> FeedbackCountsAsync(CancellationToken cancellationToken = default);
}
