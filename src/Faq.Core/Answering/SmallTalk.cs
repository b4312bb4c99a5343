using System.Collections.Frozen;
using Faq.Core.Analysis;

namespace Faq.Core.Answering;

/// <summary>Recognises messages that are nothing but a greeting or thanks ("hi", "thanks so much!").</summary>
internal static class SmallTalk
{
    private static readonly FrozenSet<string> Words = new[]
    {
        "hi", "hello", "hey", "hiya", "howdy", "yo", "greetings", "good", "morning", "afternoon", "evening", "day",
        "there", "thanks", "thank", "thx", "ty", "you", "so", "much", "very", "a", "lot", "cheers", "ok", "okay",
        "great", "cool", "perfect", "awesome", "bye", "goodbye", "see", "ya", "all", "everyone", "folks",
    }.ToFrozenSet(StringComparer.Ordinal);

    public static bool IsGreetingOrThanks(string message)
    {
        var words = Tokenizer.Tokenize(TextFolding.Fold(message));
        return words.Count is > 0 and <= 6 && words.All(Words.Contains);
    }
}
