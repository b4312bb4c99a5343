using System.Buffers;
using System.Numerics.Tensors;
using Faq.Core.Analysis;
using Faq.Core.Content;
using Faq.Core.Embeddings;
using Microsoft.Extensions.AI;

namespace Faq.Core.Matching;

/// <summary>
/// An immutable, thread-safe search index over a FAQ set: a BM25F keyword index (question and alternates as
/// one field, the answer as a lower-weighted second field) and sentence-embedding vectors of every question
/// variant and of every answer. Build a new index when the entries change; readers keep using the old one until
/// it is swapped.
/// </summary>
public sealed class FaqIndex
{
    private readonly Dictionary<string, Posting[]> _postings;
    private readonly Vocabulary _vocabulary;
    private readonly float[] _variants;     // one unit row per question variant (question, then alternates), entry by entry
    private readonly int[] _variantStart;   // entry i owns variant rows _variantStart[i] .. _variantStart[i + 1] - 1
    private readonly float[] _answers;      // one unit row per entry: its answer
    private readonly IEmbeddingGenerator<string, Embedding<float>> _generator;
    private readonly KeywordOptions _keyword;
    private readonly double _unknownIdf;

    private FaqIndex(
        IReadOnlyList<FaqEntry> entries,
        TextAnalyzer analyzer,
        IEmbeddingGenerator<string, Embedding<float>> generator,
        KeywordOptions keyword,
        Dictionary<string, Posting[]> postings,
        Vocabulary vocabulary,
        float[] variants,
        int[] variantStart,
        float[] answers,
        int dimensions,
        string? modelId)
    {
        Entries = entries;
        Analyzer = analyzer;
        _generator = generator;
        _keyword = keyword;
        _postings = postings;
        _vocabulary = vocabulary;
        _variants = variants;
        _variantStart = variantStart;
        _answers = answers;
        Dimensions = dimensions;
        EmbeddingModelId = modelId;
        // A word the FAQ never uses counts like a typical indexed word: it is part of what was asked, but
        // it may be filler ("mentioned", "exactly") as easily as an off-topic subject ("parking").
        _unknownIdf = postings.Count == 0 ? Idf(0) : postings.Values.Average(p => Idf(p.Length));
        ById = entries.Select((e, i) => (e.Id, i)).ToDictionary(x => x.Id, x => x.i, StringComparer.Ordinal);
    }

    private IReadOnlyDictionary<string, FaqIndex> _localized = new Dictionary<string, FaqIndex>(StringComparer.Ordinal);

    /// <summary>The language of the indexed text: English for an index built from entries as they are; another language
    /// for the index <see cref="WithLanguage"/> attached, whose entries carry their text in that language.</summary>
    public string Language { get; private init; } = Faq.Core.Languages.FaqLanguages.English;

    /// <summary>The languages this index can match questions in: its own and every attached one.</summary>
    public IEnumerable<string> IndexedLanguages => _localized.Keys.Prepend(Language);

    /// <summary>The index that matches questions in <paramref name="language"/>: this one or an attached one; null when
    /// there is none for that language.</summary>
    public FaqIndex? ForLanguage(string language) => language == Language ? this : _localized.GetValueOrDefault(language);

    /// <summary>
    /// This index with <paramref name="localized"/> attached as the index of its language (see
    /// <see cref="ForLanguage"/>), sharing everything else. The index itself is not changed.
    /// </summary>
    /// <param name="localized">An index over the same entries' text in another language.</param>
    /// <param name="language">That language's code.</param>
    public FaqIndex WithLanguage(FaqIndex localized, string language)
    {
        ArgumentNullException.ThrowIfNull(localized);
        ArgumentNullException.ThrowIfNull(language);
        var tagged = localized.Copy(language, localized._localized);
        var map = new Dictionary<string, FaqIndex>(_localized, StringComparer.Ordinal) { [language] = tagged };
        return Copy(Language, map);
    }

    private FaqIndex Copy(string language, IReadOnlyDictionary<string, FaqIndex> localized) =>
        new(Entries, Analyzer, _generator, _keyword, _postings, _vocabulary, _variants, _variantStart, _answers, Dimensions, EmbeddingModelId)
        {
            EmbeddingFailure = EmbeddingFailure,
            ComputedVectors = ComputedVectors,
            Language = language,
            _localized = localized,
        };

    /// <summary>The indexed entries, in index order.</summary>
    public IReadOnlyList<FaqEntry> Entries { get; }

    /// <summary>Entry position by id.</summary>
    public IReadOnlyDictionary<string, int> ById { get; }

    /// <summary>The text analysis used for both entries and questions.</summary>
    public TextAnalyzer Analyzer { get; }

    /// <summary>Embedding vector length; 0 when the index has no vectors (keyword only).</summary>
    public int Dimensions { get; }

    /// <summary>The embedding model that produced the vectors, when the generator reports one.</summary>
    public string? EmbeddingModelId { get; }

    /// <summary>
    /// The mean of the unit vectors of every question and alternate: what all the FAQ's questions have in common (the
    /// clinic's topic, such as "dry needling"). Null when the index has no vectors.
    /// </summary>
    public float[]? TopicVector => Dimensions == 0 || _variants.Length == 0 ? null : _topic ??= Topic();

    private float[]? _topic;

    private float[] Topic()
    {
        var mean = new float[Dimensions];
        var rows = _variants.Length / Dimensions;
        for (var row = 0; row < rows; row++)
        {
            System.Numerics.Tensors.TensorPrimitives.Add(mean, _variants.AsSpan(row * Dimensions, Dimensions), mean);
        }

        System.Numerics.Tensors.TensorPrimitives.Divide(mean, rows, mean);
        return mean;
    }

    /// <summary>Why the index has no vectors, when embedding the entries failed (the index then matches by keyword only).</summary>
    public string? EmbeddingFailure { get; private init; }

    /// <summary>
    /// Builds an index. Stored vectors that fit an entry and the generator's model are reused; every other
    /// entry is embedded, all in one batch. When the generator fails, the index is built without vectors and
    /// matches by keyword only (see <see cref="EmbeddingFailure"/>), so a broken embedding model never stops the
    /// FAQ from being served.
    /// </summary>
    /// <param name="entries">The entries to serve.</param>
    /// <param name="analyzer">Text analysis for both entries and questions.</param>
    /// <param name="generator">Embeds entries without fitting vectors, and every question.</param>
    /// <param name="keyword">BM25F parameters.</param>
    /// <param name="stored">Optional stored vectors, parallel to <paramref name="entries"/>.</param>
    /// <param name="cancellationToken">Cancels the build.</param>
    public static async Task<FaqIndex> BuildAsync(
        IReadOnlyList<FaqEntry> entries,
        TextAnalyzer analyzer,
        IEmbeddingGenerator<string, Embedding<float>> generator,
        KeywordOptions? keyword = null,
        IReadOnlyList<EntryVectors?>? stored = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entries);
        ArgumentNullException.ThrowIfNull(analyzer);
        ArgumentNullException.ThrowIfNull(generator);
        keyword ??= new KeywordOptions();
        var embedder = new EntryEmbedder(generator);
        var (postings, vocabulary) = BuildKeywordIndex(entries, analyzer, keyword);

        var reused = new EntryVectors?[entries.Count];
        var missing = new List<FaqEntry>();
        for (var i = 0; i < entries.Count; i++)
        {
            var candidate = stored is not null && i < stored.Count ? stored[i] : null;
            if (candidate is not null && embedder.Fits(candidate, entries[i]))
            {
                reused[i] = candidate;
            }
            else
            {
                missing.Add(entries[i]);
            }
        }

        IReadOnlyList<EntryVectors> computed;
        try
        {
            computed = await embedder.EmbedAsync(missing, null, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return new FaqIndex(entries, analyzer, generator, keyword, postings, vocabulary, [], new int[entries.Count + 1], [], 0, embedder.ModelId)
            {
                EmbeddingFailure = ex.Message,
            };
        }

        var next = 0;
        var all = new EntryVectors[entries.Count];
        for (var i = 0; i < entries.Count; i++)
        {
            all[i] = reused[i] ?? computed[next++];
        }

        var dimensions = all.Length == 0 ? 0 : all[0].Dimensions;
        var variantStart = new int[entries.Count + 1];
        var rows = 0;
        for (var i = 0; i < entries.Count; i++)
        {
            variantStart[i] = rows;
            rows += 1 + entries[i].Alternates.Count;
            if (all[i].Dimensions != dimensions)
            {
                throw new InvalidOperationException("The entries' vectors have different lengths.");
            }
        }

        variantStart[entries.Count] = rows;
        var variants = new float[rows * dimensions];
        var answers = new float[entries.Count * dimensions];
        for (var i = 0; i < entries.Count; i++)
        {
            var data = all[i].Data.AsSpan();
            var variantLength = (1 + entries[i].Alternates.Count) * dimensions;
            data[..variantLength].CopyTo(variants.AsSpan(variantStart[i] * dimensions));
            data[variantLength..].CopyTo(answers.AsSpan(i * dimensions));
        }

        Normalise(variants, dimensions);
        Normalise(answers, dimensions);
        var modelId = all.Length > 0 ? all[0].ModelId : embedder.ModelId;
        return new FaqIndex(entries, analyzer, generator, keyword, postings, vocabulary, variants, variantStart, answers, dimensions, modelId)
        {
            ComputedVectors = computed.Count,
        };
    }

    /// <summary>How many entries had no fitting stored vectors and were embedded for this index.</summary>
    public int ComputedVectors { get; private init; }

    /// <summary>
    /// Scores every entry against a question. Returns the <paramref name="top"/> entries by a fusion of both
    /// signals with their separate scores; <see cref="SearchResult.EmbeddingFailed"/> is set when the question could
    /// not be embedded (or the index has no vectors) and the scores are keyword-only. The embeddings are used only
    /// when <paramref name="fusion"/> was fitted for this index's model (<see cref="Fusion.Fits"/>).
    /// </summary>
    public async Task<SearchResult> SearchAsync(string question, int top, Fusion fusion, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(question);
        ArgumentNullException.ThrowIfNull(fusion);
        cancellationToken.ThrowIfCancellationRequested();
        var query = ResolveQuery(Analyzer.Analyze(question));

        // Weights fitted for another model would misread this model's similarities: without fitting weights, the
        // index answers by keyword only (the app warns about it at start-up).
        float[]? queryVector = null;
        var embeddingFailed = EmbeddingFailure is not null;
        if (Dimensions > 0 && Entries.Count > 0 && fusion.Fits(EmbeddingModelId))
        {
            try
            {
                queryVector = (await _generator.GenerateAsync([question], cancellationToken: cancellationToken))[0].Vector.ToArray();
                if (queryVector.Length != Dimensions)
                {
                    throw new InvalidOperationException($"The question vector has {queryVector.Length} dimensions; the index has {Dimensions}.");
                }

                var norm = TensorPrimitives.Norm(queryVector);
                if (norm > 0)
                {
                    TensorPrimitives.Divide(queryVector, norm, queryVector);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                embeddingFailed = true;
                queryVector = null;
            }
        }

        var count = Entries.Count;
        var scores = ArrayPool<float>.Shared.Rent(count * 3);
        try
        {
            var keyword = scores.AsSpan(0, count);
            var embedding = scores.AsSpan(count, count);
            var answer = scores.AsSpan(2 * count, count);
            ScoreKeywords(query, keyword);
            embedding.Clear();
            answer.Clear();
            if (queryVector is not null)
            {
                if (count <= ExhaustiveEmbeddingLimit || !ScoreEmbeddingsOfKeywordCandidates(queryVector, keyword, embedding, answer))
                {
                    for (var i = 0; i < count; i++)
                    {
                        ScoreEmbedding(queryVector, i, embedding, answer);
                    }
                }
            }

            var unknownShare = query.TotalWeight > 0 ? 1 - (query.KnownWeight / query.TotalWeight) : 1;
            var candidates = TopCandidates(keyword, embedding, answer, top, fusion, unknownShare, queryVector is null);
            return new SearchResult(candidates, unknownShare, embeddingFailed);
        }
        finally
        {
            ArrayPool<float>.Shared.Return(scores);
        }
    }

    private List<Candidate> TopCandidates(
        ReadOnlySpan<float> keyword, ReadOnlySpan<float> embedding, ReadOnlySpan<float> answer, int top, Fusion fusion, double unknownShare, bool keywordOnly)
    {
        // A small bounded selection by relevance; one extra slot so the last candidate knows its runner-up.
        // The candidate list is the only allocation that grows with `top`. The two best question similarities of
        // any entry are kept too: each candidate's similarity lead is measured against the best other entry.
        var keep = top + 1;
        var best = new List<(int Entry, double Relevance)>(keep + 1);
        var (bestSimilarity, bestSimilarityEntry, secondSimilarity) = (0f, -1, 0f);
        for (var i = 0; i < keyword.Length; i++)
        {
            if (embedding[i] > bestSimilarity)
            {
                (secondSimilarity, bestSimilarity, bestSimilarityEntry) = (bestSimilarity, embedding[i], i);
            }
            else if (embedding[i] > secondSimilarity)
            {
                secondSimilarity = embedding[i];
            }

            if (keyword[i] <= 0 && embedding[i] <= 0 && answer[i] <= 0)
            {
                continue;
            }

            var relevance = fusion.Relevance(keyword[i], embedding[i], answer[i], keywordOnly);
            if (best.Count == keep && relevance <= best[^1].Relevance)
            {
                continue;
            }

            var at = best.Count;
            while (at > 0 && best[at - 1].Relevance < relevance)
            {
                at--;
            }

            best.Insert(at, (i, relevance));
            if (best.Count > keep)
            {
                best.RemoveAt(best.Count - 1);
            }
        }

        var candidates = new List<Candidate>(Math.Min(top, best.Count));
        for (var rank = 0; rank < best.Count && rank < top; rank++)
        {
            var (entry, relevance) = best[rank];
            // The best other candidate is the runner-up for the leader and the leader for everyone else;
            // with no other candidate at all, compare against an entry with no signal.
            var other = rank == 0
                ? (best.Count > 1 ? best[1].Relevance : fusion.Relevance(0, 0, 0, keywordOnly))
                : best[0].Relevance;
            var otherSimilarity = entry == bestSimilarityEntry ? secondSimilarity : bestSimilarity;
            var confidence = fusion.Confidence(relevance, other, unknownShare, embedding[entry], otherSimilarity);
            candidates.Add(new Candidate(Entries[entry], keyword[entry], embedding[entry], answer[entry], relevance, confidence));
        }

        return candidates;
    }

    private void ScoreKeywords(ResolvedQuery query, Span<float> scores)
    {
        scores.Clear();
        if (query.KnownWeight <= 0)
        {
            return;
        }

        // Normalised by the weight of the whole question, so that an entry matching each of its words once at
        // average length scores about 1 / (k1 + 1): the score reads as "how much of the question this entry covers".
        var norm = (float)(1.0 / ((_keyword.K1 + 1) * query.TotalWeight));
        foreach (var (term, factor) in query.Terms)
        {
            if (!_postings.TryGetValue(term, out var postings))
            {
                continue;
            }

            var weight = factor * norm;
            foreach (var posting in postings)
            {
                scores[posting.Entry] += posting.Score * weight;
            }
        }
    }

    /// <summary>
    /// Indexes with more entries than this compare the question's vector only with the
    /// <see cref="EmbeddingCandidates"/> best keyword matches instead of with every entry, so a question costs
    /// about the same at 100,000 entries as at 5,000. A question with no keyword match at all is still compared
    /// with every entry.
    /// </summary>
    public const int ExhaustiveEmbeddingLimit = 5_000;

    /// <summary>How many keyword candidates large indexes compare by embedding.</summary>
    public const int EmbeddingCandidates = 1_000;

    private bool ScoreEmbeddingsOfKeywordCandidates(float[] query, ReadOnlySpan<float> keyword, Span<float> embedding, Span<float> answer)
    {
        // The best keyword scores by a bounded min-heap: the candidate list is the only per-question allocation
        // that depends on the index, and it is capped.
        var heap = new PriorityQueue<int, float>(EmbeddingCandidates + 1);
        for (var i = 0; i < keyword.Length; i++)
        {
            if (keyword[i] <= 0)
            {
                continue;
            }

            if (heap.Count < EmbeddingCandidates)
            {
                heap.Enqueue(i, keyword[i]);
            }
            else if (heap.TryPeek(out _, out var lowest) && keyword[i] > lowest)
            {
                heap.DequeueEnqueue(i, keyword[i]);
            }
        }

        if (heap.Count == 0)
        {
            return false;
        }

        while (heap.TryDequeue(out var entry, out _))
        {
            ScoreEmbedding(query, entry, embedding, answer);
        }

        return true;
    }

    /// <summary>The question's best cosine with the entry's question or any alternate, and its cosine with the answer
    /// (all rows are unit length).</summary>
    private void ScoreEmbedding(float[] query, int entry, Span<float> embedding, Span<float> answer)
    {
        var variants = _variants.AsSpan();
        var max = 0f;
        for (var row = _variantStart[entry]; row < _variantStart[entry + 1]; row++)
        {
            max = Math.Max(max, TensorPrimitives.Dot(query, variants.Slice(row * Dimensions, Dimensions)));
        }

        embedding[entry] = max;
        answer[entry] = Math.Max(0, TensorPrimitives.Dot(query, _answers.AsSpan(entry * Dimensions, Dimensions)));
    }

    private ResolvedQuery ResolveQuery(AnalyzedText analyzed)
    {
        var terms = new List<(string Term, float Factor)>(analyzed.Terms.Count);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        double total = 0, known = 0;
        for (var i = 0; i < analyzed.Terms.Count; i++)
        {
            var term = analyzed.Terms[i];
            var factor = 1f;
            if (!_postings.ContainsKey(term))
            {
                var corrected = _vocabulary.Correct(analyzed.Words[i], DocumentFrequency);
                if (corrected is null)
                {
                    // A word the FAQ never uses still counts against coverage: it is part of what was asked.
                    if (seen.Add(term))
                    {
                        total += _unknownIdf;
                    }

                    continue;
                }

                term = corrected;
                factor = _keyword.TypoFactor;
            }

            if (!seen.Add(term))
            {
                continue;
            }

            var idf = Idf(DocumentFrequency(term));
            total += idf;
            known += idf * factor;
            terms.Add((term, factor));
        }

        return new ResolvedQuery(terms, total, known);
    }

    private int DocumentFrequency(string term) => _postings.TryGetValue(term, out var p) ? p.Length : 0;

    private double Idf(int documentFrequency) =>
        Math.Log(1 + ((Entries.Count - documentFrequency + 0.5) / (documentFrequency + 0.5)));

    private static (Dictionary<string, Posting[]> Postings, Vocabulary Vocabulary) BuildKeywordIndex(
        IReadOnlyList<FaqEntry> entries, TextAnalyzer analyzer, KeywordOptions options)
    {
        var vocabulary = new Vocabulary();
        var questionTf = new Dictionary<string, int>[entries.Count];
        var answerTf = new Dictionary<string, int>[entries.Count];
        var questionLength = new int[entries.Count];
        var answerLength = new int[entries.Count];
        for (var i = 0; i < entries.Count; i++)
        {
            questionTf[i] = [];
            foreach (var text in entries[i].Alternates.Prepend(entries[i].Question))
            {
                questionLength[i] += Count(analyzer.Analyze(text), questionTf[i], vocabulary);
            }

            answerTf[i] = [];
            answerLength[i] = Count(analyzer.Analyze(entries[i].Answer), answerTf[i], vocabulary);
        }

        var avgQuestion = Math.Max(1.0, questionLength.DefaultIfEmpty().Average());
        var avgAnswer = Math.Max(1.0, answerLength.DefaultIfEmpty().Average());

        var byTerm = new Dictionary<string, List<(int Entry, double Tf)>>(StringComparer.Ordinal);
        for (var i = 0; i < entries.Count; i++)
        {
            var qNorm = 1 - options.QuestionB + (options.QuestionB * questionLength[i] / avgQuestion);
            var aNorm = 1 - options.AnswerB + (options.AnswerB * answerLength[i] / avgAnswer);
            foreach (var term in questionTf[i].Keys.Union(answerTf[i].Keys))
            {
                var tf = (options.QuestionWeight * questionTf[i].GetValueOrDefault(term) / qNorm)
                    + (options.AnswerWeight * answerTf[i].GetValueOrDefault(term) / aNorm);
                if (!byTerm.TryGetValue(term, out var list))
                {
                    byTerm[term] = list = [];
                }

                list.Add((i, tf));
            }
        }

        var n = entries.Count;
        var postings = new Dictionary<string, Posting[]>(byTerm.Count, StringComparer.Ordinal);
        foreach (var (term, list) in byTerm)
        {
            var df = list.Count;
            var idf = Math.Log(1 + ((n - df + 0.5) / (df + 0.5)));
            postings[term] = [.. list.Select(p => new Posting(p.Entry, (float)(idf * p.Tf * (options.K1 + 1) / (options.K1 + p.Tf))))];
        }

        return (postings, vocabulary);
    }

    private static int Count(AnalyzedText analyzed, Dictionary<string, int> tf, Vocabulary vocabulary)
    {
        for (var i = 0; i < analyzed.Terms.Count; i++)
        {
            tf[analyzed.Terms[i]] = tf.GetValueOrDefault(analyzed.Terms[i]) + 1;
            vocabulary.Add(analyzed.Words[i], analyzed.Terms[i]);
        }

        return analyzed.Terms.Count;
    }

    private static void Normalise(float[] rows, int dimensions)
    {
        for (var start = 0; start < rows.Length; start += dimensions)
        {
            var row = rows.AsSpan(start, dimensions);
            var norm = TensorPrimitives.Norm(row);
            if (norm > 0)
            {
                TensorPrimitives.Divide(row, norm, row);
            }
        }
    }

    private readonly record struct Posting(int Entry, float Score);

    private sealed record ResolvedQuery(List<(string Term, float Factor)> Terms, double TotalWeight, double KnownWeight);
}

/// <summary>An entry with its separate scores.</summary>
/// <param name="Entry">The entry.</param>
/// <param name="Keyword">Normalised BM25F score: roughly how much of the question the entry covers.</param>
/// <param name="Embedding">Best cosine similarity between the question and the entry's question variants.</param>
/// <param name="AnswerEmbedding">Cosine similarity between the question and the entry's answer.</param>
/// <param name="Relevance">Fused relevance (a logit) that orders the candidates.</param>
/// <param name="Confidence">Calibrated confidence in [0, 1] that this entry answers the question.</param>
public sealed record Candidate(FaqEntry Entry, double Keyword, double Embedding, double AnswerEmbedding, double Relevance, double Confidence);

/// <summary>The best candidates for a question.</summary>
/// <param name="Candidates">Best first.</param>
/// <param name="UnknownShare">Share of the question's content (by IDF weight) in words the FAQ never uses, in [0, 1].</param>
/// <param name="EmbeddingFailed">The embedding service failed; scores are keyword-only.</param>
public sealed record SearchResult(IReadOnlyList<Candidate> Candidates, double UnknownShare, bool EmbeddingFailed);

/// <summary>BM25F parameters of the keyword index.</summary>
public sealed class KeywordOptions
{
    /// <summary>Term-frequency saturation.</summary>
    public double K1 { get; set; } = 1.2;

    /// <summary>Length normalisation of the question field.</summary>
    public double QuestionB { get; set; } = 0.75;

    /// <summary>Length normalisation of the answer field.</summary>
    public double AnswerB { get; set; } = 0.75;

    /// <summary>Weight of the question and alternates field.</summary>
    public double QuestionWeight { get; set; } = 1.0;

    /// <summary>Weight of the answer field.</summary>
    public double AnswerWeight { get; set; } = 0.5;

    /// <summary>How much a typo-corrected word counts compared with an exact one.</summary>
    public float TypoFactor { get; set; } = 0.8f;
}
