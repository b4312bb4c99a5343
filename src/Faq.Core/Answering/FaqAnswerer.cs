using Faq.Core.Matching;
using Faq.Core.Triage;

namespace Faq.Core.Answering;

/// <summary>
/// Answers one question from a FAQ index: urgent triage first, then hybrid matching, then a decision between
/// answering, asking which question was meant, and falling back. Stateless and thread-safe.
/// </summary>
public sealed class FaqAnswerer
{
    private const int CandidateCount = 8;
    private readonly AnsweringOptions _options;
    private readonly ClinicProfile _clinic;
    private readonly IReadOnlyList<string> _starters;
    private readonly UrgentTriage _triage;

    /// <summary>Creates an answerer whose urgent triage has no model (<see cref="UrgentTriage.WithoutModel"/>): patterns,
    /// signs and the conservative model-free layer.</summary>
    /// <param name="options">The answering policy.</param>
    /// <param name="clinic">The clinic's details, for placeholders in replies.</param>
    /// <param name="starters">Entry ids offered first, in this order, when a message is only a greeting (the clinic's
    /// featured questions); the rest follow in index order.</param>
    /// <exception cref="ArgumentException">The options are invalid (for example an empty disclaimer).</exception>
    public FaqAnswerer(AnsweringOptions options, ClinicProfile clinic, IReadOnlyList<string>? starters = null)
        : this(options, clinic, UrgentTriage.WithoutModel, starters)
    {
    }

    /// <summary>Creates an answerer.</summary>
    /// <param name="options">The answering policy.</param>
    /// <param name="clinic">The clinic's details, for placeholders in replies.</param>
    /// <param name="triage">The urgent triage, run before matching; give it the index's embedding generator (behind
    /// the same <c>EmbeddingCache</c>) so a question is embedded once.</param>
    /// <param name="starters">Entry ids offered first, in this order, when a message is only a greeting (the clinic's
    /// featured questions); the rest follow in index order.</param>
    /// <exception cref="ArgumentException">The options are invalid (for example an empty disclaimer).</exception>
    public FaqAnswerer(AnsweringOptions options, ClinicProfile clinic, UrgentTriage triage, IReadOnlyList<string>? starters = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(clinic);
        ArgumentNullException.ThrowIfNull(triage);
        var problems = options.Validate().ToList();
        if (problems.Count > 0)
        {
            throw new ArgumentException(string.Join(" ", problems), nameof(options));
        }

        _options = options;
        _clinic = clinic;
        _starters = starters ?? [];
        _triage = triage;
    }

    /// <summary>The urgent triage in force.</summary>
    public UrgentTriage Triage => _triage;

    /// <summary>Answers a question on its own.</summary>
    public Task<FaqReply> AnswerAsync(FaqIndex index, string question, CancellationToken cancellationToken = default) =>
        AnswerAsync(index, question, previousTopic: null, cancellationToken);

    /// <summary>
    /// Answers a question in a conversation: urgent triage on the message alone first; small talk gets a short reply;
    /// a question that leans on what came before (<see cref="Conversation.FollowUp.IsIncomplete"/>, "can dry needling
    /// help with it?") is matched together with the previous turn's topic, a complete one alone.
    /// </summary>
    /// <param name="index">The FAQ being served.</param>
    /// <param name="question">The patient's message.</param>
    /// <param name="previousTopic">The entry the previous turn was answered from, if the conversation has one.</param>
    /// <param name="cancellationToken">Cancels the search.</param>
    public async Task<FaqReply> AnswerAsync(FaqIndex index, string question, string? previousTopic, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(index);
        ArgumentNullException.ThrowIfNull(question);

        var triage = await _triage.AssessAsync(question, cancellationToken);
        if (triage.IsUrgent)
        {
            var template = triage.Reply == UrgentReply.CrisisLine ? _options.CrisisMessage : _options.UrgentMessage;
            return new FaqReply(AnswerOutcome.Urgent, _clinic.Render(template), null, 1.0, [], _options.Disclaimer, [], triage, false);
        }

        var contact = _clinic.ContactActions();
        if (SmallTalk.Classify(question) is not SmallTalkKind.None and var kind)
        {
            IReadOnlyList<Suggestion> starters = kind == SmallTalkKind.Greeting
                ? [.. _starters.Where(index.ById.ContainsKey).Select(id => index.Entries[index.ById[id]])
                    .Concat(index.Entries.Where(e => !_starters.Contains(e.Id)))
                    .Take(_options.MaxSuggestions)
                    .Select(e => new Suggestion(e.Id, e.Question))]
                : [];
            var text = kind switch
            {
                SmallTalkKind.Greeting => _options.GreetingMessage,
                SmallTalkKind.Thanks => _options.ThanksMessage,
                SmallTalkKind.Goodbye => _options.GoodbyeMessage,
                _ => _options.AcknowledgementMessage,
            };
            return new FaqReply(AnswerOutcome.SmallTalk, _clinic.Render(text), null, 1.0, starters, _options.Disclaimer, [], triage, false) { Contact = contact };
        }

        // A follow-up is read with the previous topic: first with the topic's labels (its subject: "conditions
        // plantar fasciitis" rather than the aspect its question asked about), then with its question. A reading is
        // taken only when it leads somewhere (answered or clarify); a follow-up that fits nothing even with its context
        // is judged as the patient wrote it.
        if (previousTopic is not null && index.ById.TryGetValue(previousTopic, out var topicIndex) && Conversation.FollowUp.IsIncomplete(question))
        {
            var topic = index.Entries[topicIndex];
            foreach (var reading in Conversation.FollowUp.WithContext(question, topic))
            {
                var reply = Decide(index, await index.SearchAsync(reading, CandidateCount, _options.Fusion, cancellationToken), triage);
                if (reply.Outcome != AnswerOutcome.Fallback)
                {
                    return reply with { Contact = contact, ContextFaqId = topic.Id };
                }
            }
        }

        var search = await index.SearchAsync(question, CandidateCount, _options.Fusion, cancellationToken);
        return Decide(index, search, triage) with { Contact = contact };
    }

    private FaqReply Decide(FaqIndex index, SearchResult search, TriageResult triage)
    {
        var candidates = search.Candidates;
        var best = candidates.Count > 0 ? candidates[0].Confidence : 0;
        var second = candidates.Count > 1 ? candidates[1].Confidence : 0;

        if (best >= _options.AnswerThreshold && (second < _options.ClarifyThreshold || best - second >= _options.ClarifyMargin))
        {
            var entry = candidates[0].Entry;
            var related = entry.Related
                .Where(index.ById.ContainsKey)
                .Select(id => index.Entries[index.ById[id]])
                .Take(_options.MaxSuggestions)
                .Select(e => new Suggestion(e.Id, e.Question))
                .ToList();
            return new FaqReply(AnswerOutcome.Answered, _clinic.Render(entry.Answer), entry.Id, best, related, _options.Disclaimer, candidates, triage, search.EmbeddingFailed);
        }

        if (best >= _options.ClarifyThreshold && second >= _options.ClarifyThreshold)
        {
            var close = candidates
                .Where(c => c.Confidence >= _options.ClarifyThreshold && best - c.Confidence < _options.ClarifyMargin)
                .Take(_options.MaxSuggestions)
                .Select(c => new Suggestion(c.Entry.Id, c.Entry.Question))
                .ToList();
            return new FaqReply(AnswerOutcome.Clarify, _clinic.Render(_options.ClarifyMessage), null, best, close, _options.Disclaimer, candidates, triage, search.EmbeddingFailed);
        }

        var nearby = candidates
            .Where(c => c.Confidence >= _options.SuggestThreshold)
            .Take(_options.MaxSuggestions)
            .Select(c => new Suggestion(c.Entry.Id, c.Entry.Question))
            .ToList();
        return new FaqReply(AnswerOutcome.Fallback, _clinic.Render(_options.FallbackMessage), null, best, nearby, _options.Disclaimer, candidates, triage, search.EmbeddingFailed);
    }
}
