using System.Collections.Frozen;

namespace Faq.Core.Analysis;

/// <summary>
/// English function words and chat filler. Words that carry a patient's intent are deliberately kept:
/// question words ("who" performs it is not "what" it is, nor "when" to run), negations ("who should not…"),
/// time and quantity ("after", "long", "many", "much", "often") and comparison ("same", "different").
/// </summary>
internal static class StopWords
{
    private static readonly FrozenSet<string> Words = new[]
    {
        "a", "about", "above", "all", "also", "am", "an", "and", "any", "anyone", "anything", "are", "as", "at",
        "be", "because", "been", "being", "both", "but", "by",
        "can", "could", "did", "do", "does", "doing", "done",
        "each", "either", "else", "even", "ever", "every", "for", "from", "further",
        "had", "has", "have", "having", "he", "her", "here", "hers", "him", "his",
        "i", "id", "if", "im", "in", "into", "is", "it", "its", "itself", "ive", "ill",
        "just", "let", "lets", "may", "maybe", "me", "might", "mine", "must", "my", "myself",
        "of", "off", "on", "once", "one", "only", "or", "other", "our", "ours", "out", "own",
        "per", "quite", "rather", "really", "said", "say", "says", "shall", "she", "should", "so", "some", "something", "such",
        "than", "that", "thats", "the", "their", "theirs", "them", "then", "there", "theres", "these", "they", "theyre", "this", "those",
        "thing", "things", "to", "too", "u", "ur", "us", "very", "was", "we", "were", "whats", "which",
        "while", "whom", "whose", "will", "with", "would", "you", "your", "youre", "yours", "yourself",
        "hi", "hello", "hey", "dear", "thanks", "thank", "please", "pls", "plz", "wondering", "wonder", "curious",
        "question", "questions", "quick", "actually", "basically", "ok", "okay", "um", "uh", "yes", "yeah", "tell",
        "know", "want", "wanted", "like", "would", "going", "gonna", "wanna", "got", "get", "gets", "getting",
        "someone", "somebody", "anybody", "kind", "sort", "bit", "lot", "lots", "generally", "usually", "typically",
        "need", "needs",

        // Conversational framing: how people wrap a question, not what they ask about. Generic English,
        // deliberately free of any subject, so an unknown word left after this is more likely a topic.
        "suggest", "suggested", "suggests", "recommend", "recommended", "mention", "mentioned", "mentions",
        "hear", "heard", "told", "asked", "ask", "asking", "explain", "describe", "exactly", "supposed",
        "normal", "normally", "typical", "option", "options", "consider", "considering", "thinking", "think",
        "thought", "wonder", "wondered", "recently", "lately", "tried", "try", "trying", "possible", "possibly",
        "probably", "able", "sure", "info", "information", "anyone", "everyone", "everybody", "guys", "folks",
        "read", "saw", "seen", "online", "somewhere", "heard", "honestly", "seriously", "totally", "literally",
        "definitely", "certainly", "fine", "alright", "hmm", "hm", "oh", "well", "still", "already", "yet",
        "things", "stuff", "etc", "currently", "planning", "plan", "hoping", "hope", "looking", "interested",
        "idea", "ideas", "mean", "means", "meant", "come", "came", "go", "went", "goes", "anyway", "though",
        "make", "makes", "made", "making", "take", "takes", "took", "taking", "put", "puts",
    }.ToFrozenSet(StringComparer.Ordinal);

    public static bool Contains(string word) => Words.Contains(word);
}
