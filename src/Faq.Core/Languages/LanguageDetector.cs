using System.Collections.Frozen;
using Faq.Core.Analysis;

namespace Faq.Core.Languages;

/// <summary>
/// Tells English from Spanish in a patient's message by its function words (and Spanish's marks: ñ, ¿, ¡, accented
/// vowels), the words a message cannot do without whatever it is about. Domain words both languages use ("dry
/// needling", "PF") count for neither. A message too short or too mixed to tell is undecided, and the caller's hint
/// (the page's language, the request's <c>language</c>) or English decides.
/// </summary>
public static class LanguageDetector
{
    private static readonly FrozenSet<string> Spanish = new[]
    {
        "que", "q", "de", "del", "la", "las", "el", "los", "es", "por", "para", "una", "uno", "unos", "unas", "mi", "mis",
        "se", "lo", "le", "les", "y", "en", "al", "como", "cuanto", "cuanta", "cuantos", "cuantas", "cuando", "donde",
        "puedo", "puede", "pueden", "tengo", "tiene", "duele", "duelen", "esta", "estoy", "este", "eso", "esto", "hay",
        "sesion", "sesiones", "puncion", "seca", "agujas", "aguja", "talon", "dolor", "despues", "antes", "hacer", "hace",
        "sus", "su", "pero", "muy", "mas", "tambien", "ya", "ayuda", "necesito", "usted", "ustedes", "hola", "gracias",
        "buenas", "buenos", "dias", "tardes", "quiero", "porque", "sirve", "cuesta", "seguro", "cita", "citas", "pie", "pies",
        "si", "sin", "nunca", "tambien", "mucho", "mucha", "poco", "algo", "alguien", "quien", "cual", "cuales", "ser",
        "estar", "tener", "dura", "tarda", "siento", "senti", "tratamiento", "despues", "aseguranza", "eres", "soy",
        "fascitis", "pantorrilla", "pierna", "piernas", "cuello", "espalda", "pecho", "sangre", "respirar", "hoy", "ahora",
        "mucho", "toda", "todo", "todos", "nada", "bien", "mal", "peor", "mejor", "dolio", "pasa", "ejercicio",
        "correr", "acupuntura", "embarazada", "medicamentos", "pastillas", "necesita", "debo", "tiempo", "semana", "dia",
        "voy", "vas", "vamos", "algun", "alguna", "algunos", "algunas", "tienen", "hacen", "hago", "dime", "cuentame", "dame",
        "quiere", "quieren", "estan", "ellos", "usan", "medicamento", "masaje", "masajes",
    }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenSet<string> English = new[]
    {
        "the", "is", "are", "do", "does", "did", "what", "whats", "how", "can", "i", "im", "ive", "my", "it", "its", "you",
        "your", "to", "of", "and", "for", "with", "after", "will", "should", "much", "many", "hurt", "hurts", "have", "has",
        "be", "this", "that", "there", "get", "need", "if", "when", "about", "dont", "cant", "who", "why", "which", "or",
        "would", "could", "any", "how", "long", "feel", "before", "work", "works", "help", "am", "was", "were", "been",
        "session", "sessions", "needles", "needle", "pain", "heel", "foot", "feet", "cost", "insurance", "book", "safe",
        "we", "they", "he", "she", "our", "his", "her", "at", "on", "from", "by", "not", "yes", "hi", "hello", "thanks",
        "just", "really", "so", "than", "then", "some", "like", "now", "today", "still", "very", "also", "an",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>The language the text is written in, or null when it cannot tell.</summary>
    public static string? Detect(string text)
    {
        var (spanish, english) = Score(text);
        return spanish > english ? FaqLanguages.Spanish : english > spanish ? FaqLanguages.English : null;
    }

    /// <summary>
    /// The language to reply in: what the text says when it says it clearly; otherwise the <paramref name="hint"/> (a
    /// supported language code, or null); otherwise English. Against a hint, the text needs a clear lead (two marks more),
    /// so a Spanish page's patient who types "dry needling?" is still answered in Spanish.
    /// </summary>
    public static string Choose(string text, string? hint)
    {
        var (spanish, english) = Score(text);
        hint = FaqLanguages.Normalize(hint);
        var lead = spanish - english;
        return hint switch
        {
            FaqLanguages.Spanish => lead <= -2 ? FaqLanguages.English : FaqLanguages.Spanish,
            FaqLanguages.English => lead >= 2 ? FaqLanguages.Spanish : FaqLanguages.English,
            _ => lead > 0 ? FaqLanguages.Spanish : FaqLanguages.English,
        };
    }

    private static (int Spanish, int English) Score(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var spanish = 0;
        var marks = 0;
        foreach (var c in text)
        {
            if (c is '\u00f1' or '\u00d1' or '\u00bf' or '\u00a1' or '\u00e1' or '\u00e9' or '\u00ed' or '\u00f3' or '\u00fa')
            {
                marks++;
            }
        }

        spanish += Math.Min(marks, 2);
        var english = 0;
        foreach (var word in TextAnalyzer.WordingKey(text).Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (Spanish.Contains(word))
            {
                spanish++;
            }

            if (English.Contains(word))
            {
                english++;
            }
        }

        return (spanish, english);
    }
}
