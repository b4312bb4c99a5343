using Faq.Core.Languages;
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

    /// <summary>Answers a question on its own, in the language its text is written in (English when it cannot tell).</summary>
    public Task<FaqReply> AnswerAsync(FaqIndex index, string question, CancellationToken cancellationToken = default) =>
        AnswerAsync(index, question, languageHint: null, previousTopic: null, cancellationToken);

    /// <summary>
    /// Answers a question in a conversation, in the patient's language: the text's, or <paramref name="languageHint"/>
    /// (the page's or the request's language) when the text does not tell, or English
    /// (<see cref="LanguageDetector.Choose"/>). Urgent triage runs on the message alone first; small talk gets a short
    /// reply; a question that leans on what came before (<see cref="Conversation.FollowUp.IsIncomplete"/>, "can dry
    /// needling help with it?") is matched together with the previous turn's topic, a complete one alone.
    /// </summary>
    /// <param name="index">The FAQ being served.</param>
    /// <param name="question">The patient's message.</param>
    /// <param name="languageHint">The page's or the request's language, if any.</param>
    /// <param name="previousTopic">The entry the previous turn was answered from, if the conversation has one.</param>
    /// <param name="cancellationToken">Cancels the search.</param>
    public async Task<FaqReply> AnswerAsync(FaqIndex index, string question, string? languageHint, string? previousTopic, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(index);
        ArgumentNullException.ThrowIfNull(question);
        var language = LanguageDetector.Choose(question, languageHint);
        var texts = new ReplyTexts(_options, _clinic, language);

        var triage = await _triage.AssessAsync(question, cancellationToken);
        if (triage.IsUrgent)
        {
            var template = triage.Reply == UrgentReply.CrisisLine ? texts.CrisisMessage : texts.UrgentMessage;
            return new FaqReply(AnswerOutcome.Urgent, texts.Render(template), null, 1.0, [], texts.Disclaimer, [], triage, false, language);
        }

        // The entries as the patient reads them: their text in the reply's language where they have it.
        var matcher = index.ForLanguage(language) ?? index;
        var contact = _clinic.ContactActions();
        var kind = SmallTalk.Classify(question);
        if (kind == SmallTalkKind.None && language != FaqLanguages.English)
        {
            kind = LocalizedSmallTalk.Classify(question);
        }

        if (kind != SmallTalkKind.None)
        {
            IReadOnlyList<Suggestion> starters = kind == SmallTalkKind.Greeting
                ? [.. _starters.Where(matcher.ById.ContainsKey).Select(id => matcher.Entries[matcher.ById[id]])
                    .Concat(matcher.Entries.Where(e => !_starters.Contains(e.Id)))
                    .Take(_options.MaxSuggestions)
                    .Select(e => new Suggestion(e.Id, e.Question))]
                : [];
            return new FaqReply(AnswerOutcome.SmallTalk, texts.Render(texts.SmallTalkMessage(kind)), null, 1.0, starters, texts.Disclaimer, [], triage, false, language) { Contact = contact };
        }

        var fusion = matcher.Language == FaqLanguages.English ? _options.Fusion : _options.Languages.For(matcher.Language)?.Fusion ?? _options.Fusion;

        // A follow-up is read with the previous topic: first with the topic's labels (its subject: "conditions
        // plantar fasciitis" rather than the aspect its question asked about), then with its question. A reading is
        // taken only when it leads somewhere (answered or clarify); a follow-up that fits nothing even with its context
        // is judged as the patient wrote it.
        if (previousTopic is not null && matcher.ById.TryGetValue(previousTopic, out var topicIndex) && Conversation.FollowUp.IsIncomplete(question))
        {
            var topic = matcher.Entries[topicIndex];
            foreach (var reading in Conversation.FollowUp.WithContext(question, topic))
            {
                var reply = Decide(index, matcher, await matcher.SearchAsync(reading, CandidateCount, fusion, cancellationToken), triage, texts);
                if (reply.Outcome != AnswerOutcome.Fallback)
                {
                    return reply with { Contact = contact, ContextFaqId = topic.Id };
                }
            }
        }

        var search = await matcher.SearchAsync(question, CandidateCount, fusion, cancellationToken);
        return Decide(index, matcher, search, triage, texts) with { Contact = contact };
    }

    private FaqReply Decide(FaqIndex english, FaqIndex index, SearchResult search, TriageResult triage, ReplyTexts texts)
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
            var answer = texts.Render(entry.Answer);
            if (texts.Language != FaqLanguages.English && english.ById.TryGetValue(entry.Id, out var at) && english.Entries[at].ContentIn(texts.Language) is null)
            {
                // No text in the patient's language yet: the English answer, said to be English, rather than no answer.
                answer = texts.UntranslatedNote + "\n\n" + _clinic.Render(entry.Answer);
            }

            return new FaqReply(AnswerOutcome.Answered, answer, entry.Id, best, related, texts.Disclaimer, candidates, triage, search.EmbeddingFailed, texts.Language);
        }

        if (best >= _options.ClarifyThreshold && second >= _options.ClarifyThreshold)
        {
            var close = candidates
                .Where(c => c.Confidence >= _options.ClarifyThreshold && best - c.Confidence < _options.ClarifyMargin)
                .Take(_options.MaxSuggestions)
                .Select(c => new Suggestion(c.Entry.Id, c.Entry.Question))
                .ToList();
            return new FaqReply(AnswerOutcome.Clarify, texts.Render(texts.ClarifyMessage), null, best, close, texts.Disclaimer, candidates, triage, search.EmbeddingFailed, texts.Language);
        }

        var nearby = candidates
            .Where(c => c.Confidence >= _options.SuggestThreshold)
            .Take(_options.MaxSuggestions)
            .Select(c => new Suggestion(c.Entry.Id, c.Entry.Question))
            .ToList();
        return new FaqReply(AnswerOutcome.Fallback, texts.Render(texts.FallbackMessage), null, best, nearby, texts.Disclaimer, candidates, triage, search.EmbeddingFailed, texts.Language);
    }
}
