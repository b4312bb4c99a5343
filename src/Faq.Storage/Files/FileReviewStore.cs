using Faq.Core.Review;
using Faq.Core.Storage;

namespace Faq.Storage.Files;

/// <summary>
/// Unanswered questions (<c>{folder}/{tenant}.unanswered.json</c>) and feedback counts
/// (<c>{folder}/{tenant}.feedback.json</c>), each written atomically like the entry store. They are separate files
/// so that a vote rewrites a few counters, not the whole review queue. Keeps at most <see cref="MaxUnanswered"/>
/// questions, dropping the oldest.
/// </summary>
internal sealed class FileReviewStore(string folder, string tenant) : IReviewStore, IDisposable
{
    public const int MaxUnanswered = 5_000;
    private readonly AtomicJsonFile<ReviewDocument> _file = new(
        Path.Combine(folder, tenant + ".unanswered.json"), StorageJsonContext.Default.ReviewDocument, () => new ReviewDocument());
    private readonly AtomicJsonFile<FeedbackDocument> _feedback = new(
        Path.Combine(folder, tenant + ".feedback.json"), StorageJsonContext.Default.FeedbackDocument, () => new FeedbackDocument());

    public void Dispose()
    {
        _file.Dispose();
        _feedback.Dispose();
    }

    public Task RecordUnansweredAsync(IReadOnlyList<UnansweredQuestion> questions, CancellationToken cancellationToken = default) =>
        _file.WriteAsync(d =>
        {
            d.Unanswered.InsertRange(0, questions.Reverse().Select(UnansweredRecord.From));
            if (d.Unanswered.Count > MaxUnanswered)
            {
                d.Unanswered.RemoveRange(MaxUnanswered, d.Unanswered.Count - MaxUnanswered);
            }

            return questions.Count > 0;
        }, cancellationToken);

    public async Task<IReadOnlyList<UnansweredQuestion>> ListUnansweredAsync(CancellationToken cancellationToken = default) =>
        [.. (await _file.ReadAsync(cancellationToken)).Unanswered.OrderByDescending(u => u.At).Select(u => u.ToQuestion())];

    public async Task<UnansweredQuestion?> GetUnansweredAsync(string id, CancellationToken cancellationToken = default) =>
        (await _file.ReadAsync(cancellationToken)).Unanswered.Find(u => u.Id == id)?.ToQuestion();

    public Task<bool> RemoveUnansweredAsync(string id, CancellationToken cancellationToken = default) =>
        _file.WriteAsync(d => d.Unanswered.RemoveAll(u => u.Id == id) > 0, cancellationToken);

    public async Task<int> PurgeUnansweredAsync(DateTimeOffset before, CancellationToken cancellationToken = default)
    {
        var removed = 0;
        await _file.WriteAsync(d => (removed = d.Unanswered.RemoveAll(u => u.At < before)) > 0, cancellationToken);
        return removed;
    }

    public Task RecordFeedbackAsync(string faqId, bool helpful, DateTimeOffset at, CancellationToken cancellationToken = default) =>
        _feedback.WriteAsync(d =>
        {
            var count = d.Feedback.GetValueOrDefault(faqId) ?? new FeedbackRecord(0, 0);
            d.Feedback[faqId] = helpful ? count with { Helpful = count.Helpful + 1 } : count with { Unhelpful = count.Unhelpful + 1 };
            return true;
        }, cancellationToken);

    public async Task<IReadOnlyList<FeedbackCount>> FeedbackCountsAsync(CancellationToken cancellationToken = default) =>
        [.. (await _feedback.ReadAsync(cancellationToken)).Feedback.OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => new FeedbackCount(f.Key, f.Value.Helpful, f.Value.Unhelpful))];
}

internal sealed class ReviewDocument : ICopyable<ReviewDocument>
{
    public List<UnansweredRecord> Unanswered { get; set; } = [];

    public ReviewDocument Copy() => new() { Unanswered = [.. Unanswered] };
}

internal sealed class FeedbackDocument : ICopyable<FeedbackDocument>
{
    public Dictionary<string, FeedbackRecord> Feedback { get; set; } = new(StringComparer.Ordinal);

    public FeedbackDocument Copy() => new() { Feedback = new(Feedback, StringComparer.Ordinal) };
}

internal sealed record UnansweredRecord(string Id, string Question, DateTimeOffset At, string Outcome, double Confidence, List<string> Candidates)
{
    public static UnansweredRecord From(UnansweredQuestion q) => new(q.Id, q.Question, q.At, q.Outcome, q.Confidence, [.. q.Candidates]);

    public UnansweredQuestion ToQuestion() => new(Id, Question, At, Outcome, Confidence, Candidates);
}

internal sealed record FeedbackRecord(long Helpful, long Unhelpful);
