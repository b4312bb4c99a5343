namespace Faq.Core.Analysis;

/// <summary>One analysed piece of text: the index terms (folded, synonym-mapped, stop words removed, stemmed)
/// and, aligned with them, the surface words they came from.</summary>
public sealed record AnalyzedText(IReadOnlyList<string> Terms, IReadOnlyList<string> Words)
{
    /// <summary>Text with no terms.</summary>
    public static AnalyzedText Empty { get; } = new([], []);
}

/// <summary>
/// The text pipeline shared by the keyword index, the local embedder and the question side:
/// fold → tokenise → synonyms → stop words → stem.
/// </summary>
public sealed class TextAnalyzer(SynonymTable synonyms)
{
    /// <summary>An analyzer with the built-in domain synonyms.</summary>
    public static TextAnalyzer Default { get; } = new(SynonymTable.Default);

    /// <summary>The synonym table this analyzer applies.</summary>
    public SynonymTable Synonyms { get; } = synonyms;

    /// <summary>Analyses a piece of text.</summary>
    public AnalyzedText Analyze(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var words = Synonyms.Rewrite(Tokenizer.Tokenize(TextFolding.Fold(text)));
        if (words.Count == 0)
        {
            return AnalyzedText.Empty;
        }

        var terms = new List<string>(words.Count);
        var kept = new List<string>(words.Count);
        foreach (var word in words)
        {
            if (StopWords.Contains(word))
            {
                continue;
            }

            terms.Add(Term(word));
            kept.Add(word);
        }

        return new AnalyzedText(terms, kept);
    }

    /// <summary>The index term for one folded, non-stop surface word.</summary>
    public static string Term(string word) => PorterStemmer.Stem(word);
}
