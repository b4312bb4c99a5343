using Faq.Core.Matching;
using Faq.Core.Triage;

namespace Faq.Core.Answering;

/// <summary>What the bot did with a question.</summary>
public enum AnswerOutcome
{
    /// <summary>Answered from one FAQ entry.</summary>
    Answered,

    /// <summary>Two or more entries were close: the patient is asked which one they meant.</summary>
    Clarify,

    /// <summary>No entry fits well enough; nearby entries may be suggested.</summary>
    Fallback,

    /// <summary>The message sounds like an emergency: seek care now, no FAQ answer.</summary>
    Urgent,

    /// <summary>The message is only a greeting, thanks, a goodbye or an acknowledgement: a short fitting reply, no FAQ answer.</summary>
    SmallTalk,
}

/// <summary>The names outcomes go by outside the process (the API's <c>outcome</c>, the review queue).</summary>
public static class AnswerOutcomeNames
{
    /// <summary><c>answered</c>, <c>clarify</c>, <c>fallback</c>, <c>urgent</c> or <c>smalltalk</c>.</summary>
    public static string Name(this AnswerOutcome outcome) => outcome switch
    {
        AnswerOutcome.Answered => "answered",
        AnswerOutcome.Clarify => "clarify",
        AnswerOutcome.Fallback => "fallback",
        AnswerOutcome.Urgent => "urgent",
        AnswerOutcome.SmallTalk => "smalltalk",
        _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome, null),
    };
}

/// <summary>A question the patient may want to ask next: an entry's id and question.</summary>
public sealed record Suggestion(string FaqId, string Question);

/// <summary>The bot's reply to one question.</summary>
/// <param name="Outcome">What the bot did.</param>
/// <param name="Answer">Text for the patient.</param>
/// <param name="FaqId">The entry answered from; set only when <paramref name="Outcome"/> is <see cref="AnswerOutcome.Answered"/>.</param>
/// <param name="Confidence">Calibrated confidence in the best entry, in [0, 1]; 1 for urgent replies.</param>
/// <param name="Suggestions">Follow-up or alternative questions.</param>
/// <param name="Disclaimer">Never empty.</param>
/// <param name="Candidates">The best-scoring entries with their separate scores, for staff tools and evaluation.</param>
/// <param name="Triage">The triage decision.</param>
/// <param name="Degraded">The embedding service failed and the reply used keyword similarity alone.</param>
/// <param name="Language">The language of the reply (<c>en</c>, <c>es</c>): the patient's, as read from the message and its hints.</param>
public sealed record FaqReply(
    AnswerOutcome Outcome,
    string Answer,
    string? FaqId,
    double Confidence,
    IReadOnlyList<Suggestion> Suggestions,
    string Disclaimer,
    IReadOnlyList<Candidate> Candidates,
    TriageResult Triage,
    bool Degraded,
    string Language = Languages.FaqLanguages.English)
{
    /// <summary>Ways to reach a person at the clinic (from its configuration; empty when none is set, and on urgent replies,
    /// which send the patient to emergency care instead).</summary>
    public IReadOnlyList<ContactAction> Contact { get; init; } = [];

    /// <summary>The entry whose topic a follow-up question was read with ("can dry needling help with it?" after a question
    /// about plantar fasciitis); null when the question was judged alone.</summary>
    public string? ContextFaqId { get; init; }
}
