using System.Threading.Channels;
using Faq.Core.Answering;
using Faq.Core.Review;
using Faq.Storage;

namespace Faq.Api.Review;

/// <summary>
/// Keeps questions the bot could not answer confidently (redacted) for staff review. Recording happens off the
/// request path through a bounded queue: a slow or failing store never delays or fails a patient's answer, and a
/// flood of questions drops the excess rather than growing memory. Also enforces the retention period.
/// </summary>
internal sealed partial class UnansweredRecorder(
    IReviewStore review, IOptions<ReviewOptions> options, TimeProvider time, ILogger<UnansweredRecorder> logger) : BackgroundService
{
    private static readonly TimeSpan FlushInterval = TimeSpan.FromSeconds(1);
    private readonly Channel<UnansweredQuestion> _queue = Channel.CreateBounded<UnansweredQuestion>(
        new BoundedChannelOptions(1_000) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });

    /// <summary>Queues the question if the reply was not a confident answer.</summary>
    public void Observe(string question, FaqReply reply)
    {
        var worthReviewing = reply.Outcome switch
        {
            AnswerOutcome.Fallback or AnswerOutcome.Clarify => true,
            AnswerOutcome.Answered => reply.Confidence < options.Value.ReviewBelowConfidence,
            _ => false,
        };
        if (!worthReviewing)
        {
            return;
        }

        var at = time.GetUtcNow();
        _queue.Writer.TryWrite(new UnansweredQuestion(
            ReviewIds.New(at), Redactor.Redact(question.Trim()), at, reply.Outcome.Name(), reply.Confidence,
            [.. reply.Candidates.Take(3).Select(c => c.Entry.Id)]));
    }

    /// <summary>Removes questions older than the retention period.</summary>
    public Task PurgeExpiredAsync(CancellationToken cancellationToken) =>
        review.PurgeUnansweredAsync(time.GetUtcNow().AddDays(-options.Value.UnansweredRetentionDays), cancellationToken);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var nextPurge = time.GetUtcNow();
        try
        {
            var batch = new List<UnansweredQuestion>();
            while (await _queue.Reader.WaitToReadAsync(stoppingToken))
            {
                // Everything queued so far goes in one write: under load that is one write, not one per question.
                batch.Clear();
                while (batch.Count < 500 && _queue.Reader.TryRead(out var question))
                {
                    batch.Add(question);
                }

                try
                {
                    await review.RecordUnansweredAsync(batch, stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    LogRecordFailed(logger, ex.Message);
                }

                // At most one write a second however busy the bot is: the rest waits in the queue for the next batch.
                await Task.Delay(FlushInterval, time, stoppingToken);

                if (time.GetUtcNow() >= nextPurge)
                {
                    nextPurge = time.GetUtcNow().AddHours(1);
                    try
                    {
                        await PurgeExpiredAsync(stoppingToken);
                    }
                    catch (Exception ex) when (ex is not OperationCanceledException)
                    {
                        LogRecordFailed(logger, ex.Message);
                    }
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not keep an unanswered question for review: {Reason}")]
    private static partial void LogRecordFailed(ILogger logger, string reason);
}
