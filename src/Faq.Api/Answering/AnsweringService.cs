using Faq.Api.Insights;
using Faq.Api.Review;
using Faq.Api.Snapshots;
using Faq.Core.Answering;
using Faq.Core.Channels;
using Faq.Core.Conversation;

namespace Faq.Api.Answering;

/// <summary>
/// The one way every channel answers (the ask API and the widget, SMS and WhatsApp, the staff "try" box) and lists the
/// FAQ: from the snapshot being served, reporting to health when questions can no longer be embedded (or can again),
/// and keeping what patients asked that was not answered confidently for staff review.
/// </summary>
internal sealed partial class AnsweringService(
    FaqSnapshots snapshots,
    FaqAnswerer answerer,
    ConversationMemory conversations,
    UnansweredRecorder review,
    UsageCounter usage,
    IOptions<FeaturedQuestionsOptions> featured,
    TimeProvider time,
    ILogger<AnsweringService> logger)
{
    /// <summary>Longest question any channel answers.</summary>
    public const int MaxQuestionLength = 500;

    /// <summary>Why nothing can be answered yet (while <see cref="AnswerAsync"/> returns null).</summary>
    public string? NotLoadedReason => snapshots.Health.Reason;

    /// <summary>Answers a patient's question; null while no FAQ could be loaded yet.</summary>
    public Task<FaqReply?> AnswerAsync(string question, Channel channel, CancellationToken cancellationToken) =>
        AnswerAsync(question, channel, language: null, sessionId: null, cancellationToken);

    /// <summary>Answers a patient's question in their language (<paramref name="language"/>, a supported code, is a hint
    /// the message's own words overrule when clear); null while no FAQ could be loaded yet. With a
    /// <paramref name="sessionId"/>, a follow-up is read with the conversation's previous topic (kept in memory for a
    /// few minutes, see <see cref="ConversationMemory"/>).</summary>
    public Task<FaqReply?> AnswerAsync(string question, Channel channel, string? language, string? sessionId, CancellationToken cancellationToken) =>
        ReplyAsync(question, channel, patient: true, language, sessionId, cancellationToken);

    /// <summary>Answers a staff member's trial question the same way, alone and without keeping it for review; null while no FAQ is loaded.</summary>
    public Task<FaqReply?> TryAsync(string question, CancellationToken cancellationToken) =>
        ReplyAsync(question, Channel.Web, patient: false, language: null, sessionId: null, cancellationToken);

    /// <summary>Every question of the FAQ being served, the clinic's featured ones first in its order, then by id; null while no FAQ is loaded.</summary>
    public IReadOnlyList<Suggestion>? Questions() => Questions(Faq.Core.Languages.FaqLanguages.English);

    /// <summary>Every question of the FAQ being served in <paramref name="language"/> (an entry without text in it keeps
    /// its English question), the clinic's featured ones first; null while no FAQ is loaded.</summary>
    public IReadOnlyList<Suggestion>? Questions(string language)
    {
        if (snapshots.Current is not { } snapshot)
        {
            return null;
        }

        var order = featured.Value.FeaturedQuestions;
        return [.. snapshot.Index.Entries
            .OrderBy(e => order.IndexOf(e.Id) is var i && i >= 0 ? i : int.MaxValue)
            .ThenBy(e => e.Id, StringComparer.Ordinal)
            .Select(e => new Suggestion(e.Id, e.ContentIn(language)?.Question ?? e.Question))];
    }

    /// <param name="patient">False for a staff member's trial: neither counted nor kept for review.</param>
    private async Task<FaqReply?> ReplyAsync(string question, Channel channel, bool patient, string? language, string? sessionId, CancellationToken cancellationToken)
    {
        if (snapshots.Current is not { } snapshot)
        {
            return null;
        }

        var reply = await answerer.AnswerAsync(snapshot.Index, question, language, conversations.TopicOf(sessionId), cancellationToken);
        conversations.Remember(sessionId, reply);
        if (reply.ContextFaqId is { } context)
        {
            LogFollowUp(logger, context);
        }

        LogReplied(logger, patient ? channel.ToString() : "staff try", reply.Outcome, reply.FaqId, reply.Confidence, reply.Triage.Category, reply.Degraded);
        if (snapshots.ReportEmbedding(reply.Degraded, time.GetUtcNow()))
        {
            if (reply.Degraded)
            {
                LogDegraded(logger);
            }
            else
            {
                LogRecovered(logger);
            }
        }

        if (patient)
        {
            usage.CountReply(reply, channel);
            review.Observe(question, reply);
        }

        return reply;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Replied on {Channel} {Outcome} with {FaqId} at confidence {Confidence:F3} (triage {Triage}, keyword only {Degraded})")]
    private static partial void LogReplied(ILogger logger, string channel, AnswerOutcome outcome, string? faqId, double confidence, Faq.Core.Triage.UrgentCategory triage, bool degraded);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Read a follow-up with the previous topic {Topic}")]
    private static partial void LogFollowUp(ILogger logger, string topic);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Degraded: the embedding service is failing, questions are answered by keyword similarity alone")]
    private static partial void LogDegraded(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Recovered: questions are embedded again")]
    private static partial void LogRecovered(ILogger logger);
}
