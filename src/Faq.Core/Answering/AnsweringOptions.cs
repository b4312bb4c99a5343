using Faq.Core.Languages;
using Faq.Core.Matching;

namespace Faq.Core.Answering;

/// <summary>How the bot decides between answering, asking which question was meant, and falling back.</summary>
public sealed class AnsweringOptions
{
    /// <summary>Shown with every reply. Must not be empty.</summary>
    public string Disclaimer { get; set; } =
        "This is general information, not medical advice. Please talk to your physical therapist, podiatrist or doctor about your own situation.";

    /// <summary>Answer directly when the best entry's confidence is at least this…</summary>
    public double AnswerThreshold { get; set; } = 0.6;

    /// <summary>…and it leads the runner-up by at least this (or the runner-up is below <see cref="ClarifyThreshold"/>).</summary>
    public double ClarifyMargin { get; set; } = 0.15;

    /// <summary>Entries at least this confident are offered when asking which question was meant.</summary>
    public double ClarifyThreshold { get; set; } = 0.3;

    /// <summary>Entries at least this confident are offered as suggestions on a fallback.</summary>
    public double SuggestThreshold { get; set; } = 0.12;

    /// <summary>The most suggestions a reply offers.</summary>
    public int MaxSuggestions { get; set; } = 3;

    /// <summary>Text of a clarify reply; the suggestions follow it.</summary>
    public string ClarifyMessage { get; set; } = "I want to be sure I answer the right question. Did you mean one of these?";

    /// <summary>Text of a fallback reply. Clinic placeholders such as <c>{contact}</c> are filled in.</summary>
    public string FallbackMessage { get; set; } =
        "Sorry, I don't have a reliable answer to that. I can answer common questions about dry needling and foot and ankle pain. For anything else, or about your own care, please ask {clinic} directly.";

    /// <summary>Reply to a message that is only a greeting or thanks; a few starter questions follow it.</summary>
    public string GreetingMessage { get; set; } =
        "Hi! I can answer common questions about dry needling and foot and ankle pain. What would you like to know?";

    /// <summary>Reply to a message that is only thanks ("thanks!").</summary>
    public string ThanksMessage { get; set; } = "You're welcome! Ask me anything else about dry needling whenever you like.";

    /// <summary>Reply to a goodbye ("bye", "thanks, bye").</summary>
    public string GoodbyeMessage { get; set; } = "Take care! I'm here if anything else comes up.";

    /// <summary>Reply to an acknowledgement ("ok", "great").</summary>
    public string AcknowledgementMessage { get; set; } = "Is there anything else you'd like to know?";

    /// <summary>Text of an urgent reply. Placeholders: {emergency}, {clinic}, {onPhone}.</summary>
    public string UrgentMessage { get; set; } =
        "This could be serious. Call {emergency} or your local emergency number now, or go to the nearest emergency department. Do not wait for an answer here. If you had dry needling recently, tell them. When you are safe, please let {clinic} know{onPhone}.";

    /// <summary>Text of an urgent reply to thoughts of suicide or self-harm. Placeholders: {crisisLine}, {emergency}.</summary>
    public string CrisisMessage { get; set; } =
        "I'm really sorry you're going through this, and you don't have to face it alone. Please call or text {crisisLine} (Suicide & Crisis Lifeline, US) now to talk with someone, or call {emergency} if you are in immediate danger. Outside the US, call your local emergency number.";

    /// <summary>The score fusion and its calibration.</summary>
    public Fusion Fusion { get; set; } = new();

    /// <summary>BM25F parameters.</summary>
    public KeywordOptions Keyword { get; set; } = new();

    /// <summary>The texts and fusion of every language other than English (<c>Faq:Answering:Languages:Es:*</c>).</summary>
    public LanguagesOptions Languages { get; set; } = new();

    /// <summary>The disclaimer of replies in <paramref name="language"/>.</summary>
    public string DisclaimerIn(string language) => Languages.For(language)?.Disclaimer ?? Disclaimer;

    /// <summary>Checks the options and returns the problems found, if any.</summary>
    public IEnumerable<string> Validate()
    {
        if (string.IsNullOrWhiteSpace(Disclaimer))
        {
            yield return "Faq:Answering:Disclaimer must not be empty: every reply carries it.";
        }

        if (AnswerThreshold is <= 0 or > 1)
        {
            yield return "Faq:Answering:AnswerThreshold must be in (0, 1].";
        }

        if (ClarifyThreshold is <= 0 or > 1 || ClarifyThreshold > AnswerThreshold)
        {
            yield return "Faq:Answering:ClarifyThreshold must be in (0, 1] and not above AnswerThreshold.";
        }

        if (SuggestThreshold is < 0 or > 1)
        {
            yield return "Faq:Answering:SuggestThreshold must be in [0, 1].";
        }

        if (ClarifyMargin is < 0 or > 1)
        {
            yield return "Faq:Answering:ClarifyMargin must be in [0, 1].";
        }

        if (MaxSuggestions is < 1 or > 10)
        {
            yield return "Faq:Answering:MaxSuggestions must be between 1 and 10.";
        }

        foreach (var problem in Languages.Es.Validate("Faq:Answering:Languages:Es"))
        {
            yield return problem;
        }
    }
}
