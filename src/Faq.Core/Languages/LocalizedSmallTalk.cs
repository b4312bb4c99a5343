using System.Collections.Frozen;
using Faq.Core.Analysis;
using Faq.Core.Answering;

namespace Faq.Core.Languages;

/// <summary>Recognises Spanish messages that are nothing but small talk ("hola", "muchas gracias!", "ok, hasta
/// luego") and says which kind, as <see cref="SmallTalk"/> does for English.</summary>
internal static class LocalizedSmallTalk
{
    private static readonly FrozenSet<string> GreetingWords = Set("hola", "buenas", "buenos", "buen", "dia", "dias", "tardes", "noches", "saludos", "tal");
    private static readonly FrozenSet<string> ThanksWords = Set("gracias", "agradezco", "amable");
    private static readonly FrozenSet<string> GoodbyeWords = Set("adios", "hasta", "luego", "pronto", "bye", "chao", "chau");
    private static readonly FrozenSet<string> AcknowledgementWords = Set("ok", "okey", "vale", "perfecto", "excelente", "genial");

    // Words that keep a message small talk without deciding which kind ("MUCHAS gracias", "hola A TODOS").
    private static readonly FrozenSet<string> Filler = Set("que", "muchas", "mil", "muy", "a", "todos", "usted", "le", "se", "lo");

    public static SmallTalkKind Classify(string message)
    {
        var words = TextAnalyzer.WordingKey(message).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length is 0 or > 6 || !words.All(w => GreetingWords.Contains(w) || ThanksWords.Contains(w) || GoodbyeWords.Contains(w)
            || AcknowledgementWords.Contains(w) || Filler.Contains(w)))
        {
            return SmallTalkKind.None;
        }

        // The same order as English: a goodbye ends the conversation whatever else it says, thanks outweigh a greeting.
        return words.Any(GoodbyeWords.Contains) ? SmallTalkKind.Goodbye
            : words.Any(ThanksWords.Contains) ? SmallTalkKind.Thanks
            : words.Any(AcknowledgementWords.Contains) && !words.Any(GreetingWords.Contains) ? SmallTalkKind.Acknowledgement
            : SmallTalkKind.Greeting;
    }

    private static FrozenSet<string> Set(params string[] words) => words.ToFrozenSet(StringComparer.Ordinal);
}
