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
/// fold → tokenise → stem → synonyms → stop words. English by default (Porter stemmer, English stop words); other
/// languages bring their own stemmer and stop words (<see cref="Languages.SpanishAnalysis"/>).
/// </summary>
public sealed class TextAnalyzer
{
    private readonly Func<string, string> _stem;
    private readonly Func<string, bool> _isStopWord;

    /// <summary>An English analyzer with these synonyms.</summary>
    public TextAnalyzer(SynonymTable synonyms)
        : this(synonyms, PorterStemmer.Stem, StopWords.Contains)
    {
    }

    /// <summary>An analyzer for any language.</summary>
    /// <param name="synonyms">Synonyms, matched on this analyzer's stems (build the table with the same stemmer).</param>
    /// <param name="stem">The stem of a folded word.</param>
    /// <param name="isStopWord">Whether a folded word is left out of the terms.</param>
    public TextAnalyzer(SynonymTable synonyms, Func<string, string> stem, Func<string, bool> isStopWord)
    {
        ArgumentNullException.ThrowIfNull(synonyms);
        ArgumentNullException.ThrowIfNull(stem);
        ArgumentNullException.ThrowIfNull(isStopWord);
        Synonyms = synonyms;
        _stem = stem;
        _isStopWord = isStopWord;
    }

    /// <summary>An analyzer with the built-in domain synonyms.</summary>
    public static TextAnalyzer Default { get; } = new(SynonymTable.Default);

    /// <summary>The synonym table this analyzer applies.</summary>
    public SynonymTable Synonyms { get; }

    /// <summary>Folds case, diacritics and compatibility forms ("Achillés" → "achilles").</summary>
    public static string Fold(string text) => TextFolding.Fold(text);

    /// <summary>
    /// The wording of a text as the matcher sees it, ignoring case, accents and punctuation: two questions with the
    /// same key are the same question.
    /// </summary>
    public static string WordingKey(string text) => string.Join(' ', Tokenizer.Tokenize(TextFolding.Fold(text)));

    /// <summary>Analyses a piece of text.</summary>
    public AnalyzedText Analyze(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var words = Tokenizer.Tokenize(TextFolding.Fold(text));
        if (words.Count == 0)
        {
            return AnalyzedText.Empty;
        }

        var tokens = new List<Token>(words.Count);
        foreach (var word in words)
        {
            tokens.Add(new Token(word, _stem(word)));
        }

        tokens = Synonyms.Rewrite(tokens);
        var terms = new List<string>(tokens.Count);
        var kept = new List<string>(tokens.Count);
        foreach (var token in tokens)
        {
            if (_isStopWord(token.Word))
            {
                continue;
            }

            terms.Add(token.Stem);
            kept.Add(token.Word);
        }

        return new AnalyzedText(terms, kept);
    }
}
