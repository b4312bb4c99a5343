using System.Collections.Frozen;
using Faq.Core.Analysis;

namespace Faq.Core.Languages;

/// <summary>Recognises Spanish messages that are nothing but a greeting or thanks ("hola", "muchas gracias!").</summary>
internal static class LocalizedSmallTalk
{
    private static readonly FrozenSet<string> Words = new[]
    {
        "hola", "buenas", "buenos", "buen", "dia", "dias", "tardes", "noches", "saludos", "que", "tal", "gracias", "muchas",
        "mil", "muy", "amable", "ok", "okey", "vale", "perfecto", "excelente", "genial", "adios", "hasta", "luego", "pronto",
        "bye", "chao", "chau", "a", "todos", "usted", "le", "se", "lo", "agradezco",
    }.ToFrozenSet(StringComparer.Ordinal);

    public static bool IsGreetingOrThanks(string message)
    {
        var words = TextAnalyzer.WordingKey(message).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return words.Length is > 0 and <= 6 && words.All(Words.Contains);
    }
}
