using Faq.Core.Analysis;
using Faq.Core.Content;
using Faq.Core.Matching;
using Microsoft.Extensions.AI;

namespace Faq.Core.Languages;

/// <summary>
/// Builds the indexes that match questions in languages other than English and attaches them to the English index
/// (<see cref="FaqIndex.WithLanguage"/>), so whoever holds the served index holds every language's.
/// </summary>
public static class LocalizedIndex
{
    /// <summary>The text analysis for questions and entries in a language.</summary>
    public static TextAnalyzer AnalyzerFor(string language) =>
        language == FaqLanguages.Spanish ? SpanishAnalysis.Analyzer : TextAnalyzer.Default;

    /// <summary>
    /// The entries as a language's index holds them: an entry's text in that language, or its English text when it has
    /// none (such an entry is answered in English, with a note, rather than not at all).
    /// </summary>
    public static IReadOnlyList<FaqEntry> Project(IReadOnlyList<FaqEntry> entries, string language)
    {
        ArgumentNullException.ThrowIfNull(entries);
        return [.. entries.Select(e => e.ContentIn(language) is { } content
            ? new FaqEntry(e.Id, content.Question, content.Alternates, content.Answer, e.Tags, e.Related)
            : e with { Translations = new Dictionary<string, FaqContent>() })];
    }

    /// <summary>
    /// The English index with an index for every other supported language attached. A language no entry has text in
    /// gets no index: its questions are matched against the English one.
    /// </summary>
    /// <remarks>
    /// The semantic side of a language's index is the English index's own embedder: on the Spanish dev set the shipped
    /// sentence model (which knows some Spanish through shared word pieces) measured better than character n-grams, alone
    /// or blended with it (README, "Languages"). Its vectors of the translated text are not stored: they are embedded when
    /// the index is built (behind the app's embedding cache, once per process).
    /// </remarks>
    /// <param name="english">The index over the entries' English text.</param>
    /// <param name="generator">The embedder of the English index.</param>
    /// <param name="keyword">BM25F parameters.</param>
    /// <param name="cancellationToken">Cancels the build.</param>
    public static async Task<FaqIndex> AttachAsync(
        FaqIndex english, IEmbeddingGenerator<string, Embedding<float>> generator, KeywordOptions? keyword = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(english);
        ArgumentNullException.ThrowIfNull(generator);
        var index = english;
        foreach (var language in FaqLanguages.Translated)
        {
            if (!english.Entries.Any(e => e.Translations.ContainsKey(language)))
            {
                continue;
            }

            var localized = await FaqIndex.BuildAsync(
                Project(english.Entries, language), AnalyzerFor(language), generator, keyword, null, cancellationToken);
            index = index.WithLanguage(localized, language);
        }

        return index;
    }
}
