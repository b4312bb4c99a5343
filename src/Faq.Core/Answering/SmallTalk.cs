using System.Collections.Frozen;
using Faq.Core.Analysis;

namespace Faq.Core.Answering;

/// <summary>What a message that is nothing but small talk says.</summary>
public enum SmallTalkKind
{
    /// <summary>Not small talk: a question to match.</summary>
    None,

    /// <summary>"hi", "good morning".</summary>
    Greeting,

    /// <summary>"thanks!", "thank you so much".</summary>
    Thanks,

    /// <summary>"bye", "see you", "thanks, bye".</summary>
    Goodbye,

    /// <summary>"ok", "great", "got it".</summary>
    Acknowledgement,
}

/// <summary>Recognises messages that are nothing but a greeting, thanks, a goodbye or an acknowledgement ("hi",
/// "thanks so much!", "ok bye").</summary>
internal static class SmallTalk
{
    private static readonly FrozenSet<string> GreetingWords = Set("hi", "hello", "hey", "hiya", "howdy", "yo", "greetings", "morning", "afternoon", "evening");
    private static readonly FrozenSet<string> ThanksWords = Set("thanks", "thank", "thx", "ty", "cheers", "appreciate", "appreciated", "ta");
    private static readonly FrozenSet<string> GoodbyeWords = Set("bye", "goodbye", "byebye", "cya", "later", "night", "farewell");
    private static readonly FrozenSet<string> AcknowledgementWords = Set(
        "ok", "okay", "k", "kk", "great", "cool", "perfect", "awesome", "nice", "fine", "alright", "sure", "understood", "noted",
        "got", "gotcha", "brilliant", "lovely", "wonderful", "excellent", "good", "helpful", "yes", "yep", "yeah", "right");

    // Words that keep a message small talk without deciding which kind ("thank YOU SO MUCH", "good day TO YOU ALL").
    private static readonly FrozenSet<string> Filler = Set(
        "day", "there", "you", "so", "much", "very", "a", "lot", "all", "everyone", "folks", "see", "ya", "it", "that", "for",
        "the", "info", "information", "answer", "answers", "help", "take", "care", "to", "and", "again", "really", "oh", "ah", "then", "now", "that's", "thats", "s", "was", "is", "bot");

    public static SmallTalkKind Classify(string message)
    {
        var words = Tokenizer.Tokenize(TextFolding.Fold(message));
        if (words.Count is 0 or > 8 || !words.All(w => GreetingWords.Contains(w) || ThanksWords.Contains(w) || GoodbyeWords.Contains(w)
            || AcknowledgementWords.Contains(w) || Filler.Contains(w)))
        {
            return SmallTalkKind.None;
        }

        // "take care" and "see you" are goodbyes even though each word alone is filler.
        var text = string.Join(' ', words);
        if (words.Any(GoodbyeWords.Contains) || text.Contains("take care", StringComparison.Ordinal) || text.StartsWith("see you", StringComparison.Ordinal)
            || text.StartsWith("see ya", StringComparison.Ordinal))
        {
            return SmallTalkKind.Goodbye;
        }

        if (words.Any(ThanksWords.Contains))
        {
            return SmallTalkKind.Thanks;
        }

        if (words.Any(GreetingWords.Contains) || text is "good day" or "good day to you")
        {
            return SmallTalkKind.Greeting;
        }

        return words.Any(AcknowledgementWords.Contains) ? SmallTalkKind.Acknowledgement : SmallTalkKind.None;
    }

    private static FrozenSet<string> Set(params string[] words) => words.ToFrozenSet(StringComparer.Ordinal);
}
