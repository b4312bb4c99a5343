using System.Collections.Frozen;
using Faq.Core.Analysis;
using Faq.Core.Content;

namespace Faq.Core.Conversation;

/// <summary>
/// Tells a follow-up that leans on the previous turn ("can dry needling help with it?", "and how long does that
/// last?", "is it safe for that?") from a question that stands on its own, and reads a follow-up with that turn's topic.
/// </summary>
public static class FollowUp
{
    // Words that point back at something said before. "It" alone is not enough in this domain ("does it hurt?" means
    // the treatment, not the last topic), so a message is a follow-up when it points back and names little of its own.
    private static readonly FrozenSet<string> Referring = new[]
    {
        "it", "its", "that", "thats", "this", "those", "these", "them", "they", "theyre", "one", "ones",
    }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenSet<string> Auxiliaries = new[]
    {
        "is", "does", "do", "did", "will", "would", "can", "could", "should", "was", "has", "might", "may", "must",
    }.ToFrozenSet(StringComparer.Ordinal);

    // Openings that continue the previous turn.
    private static readonly string[] Continuations = ["and ", "also ", "but ", "what about ", "how about ", "what if ", "then ", "plus "];

    // Words every question here can carry: they do not make a question complete on their own.
    private static readonly FrozenSet<string> Generic = new[]
    {
        "dry", "needling", "needle", "needles", "needled", "dn", "treatment", "treatments", "session", "sessions", "therapy",
        "help", "helps", "work", "works", "good", "bad", "safe", "last", "lasts", "long", "how", "what", "when", "why", "where", "who",
        "much", "many", "often", "same", "more", "less", "better", "worse", "ok", "okay", "normal", "true", "right", "wrong",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>The most words of its own a message may name and still be read as a follow-up.</summary>
    public const int MaxOwnWords = 2;

    /// <summary>
    /// Whether a message needs the previous turn to be understood: it opens as a continuation ("and…", "what
    /// about…"), or it points back ("it", "that", "those") and names at most <see cref="MaxOwnWords"/> words of its
    /// own beyond function words and words any question here carries.
    /// </summary>
    public static bool IsIncomplete(string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var words = Tokenizer.Tokenize(TextFolding.Fold(message));
        if (words.Count == 0)
        {
            return false;
        }

        var text = string.Join(' ', words) + " ";
        var own = words.Count(w => !StopWords.Contains(w) && !Generic.Contains(w) && !Referring.Contains(w));
        if (Continuations.Any(c => text.StartsWith(c, StringComparison.Ordinal)))
        {
            return own <= MaxOwnWords + 1;
        }

        return PointsBack(words) && own <= MaxOwnWords;
    }

    // "it" right after an auxiliary ("does it hurt?", "is it safe?") is the treatment the whole FAQ is about; "it"
    // anywhere else ("help with it") and "that", "those"… point at what was said before.
    private static bool PointsBack(List<string> words)
    {
        for (var i = 0; i < words.Count; i++)
        {
            if (Referring.Contains(words[i]) && !(words[i] == "it" && i > 0 && Auxiliaries.Contains(words[i - 1])))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The readings of a follow-up to match, in order: the patient's words with the previous topic's labels (its tags,
    /// which name the subject: "conditions plantar fasciitis"), then with the topic's question (which also carries the
    /// aspect it asked about, so it comes second).
    /// </summary>
    public static IEnumerable<string> WithContext(string message, FaqEntry topic)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(topic);
        var text = message.TrimEnd();
        if (topic.Tags.Count > 0)
        {
            yield return text + " (" + string.Join(' ', topic.Tags).Replace('-', ' ') + ")";
        }

        yield return text + " (" + topic.Question + ")";
    }
}
