using Faq.Core.Matching;

namespace Faq.Core.Evaluation;

/// <summary>One candidate's raw signals and whether it was the right entry.</summary>
/// <param name="Keyword">Normalised BM25F score.</param>
/// <param name="Embedding">Best question-variant similarity.</param>
/// <param name="AnswerEmbedding">Similarity to the answer.</param>
/// <param name="BestOtherEmbedding">The best question-variant similarity of any other entry.</param>
/// <param name="UnknownShare">The question's share of words the FAQ never uses.</param>
/// <param name="Correct">Whether this candidate answers the question.</param>
public readonly record struct CalibrationSample(double Keyword, double Embedding, double AnswerEmbedding, double BestOtherEmbedding, double UnknownShare, bool Correct);

/// <summary>
/// Fits both stages of <see cref="Fusion"/> to labelled questions by logistic regression (Newton's method with a
/// small ridge penalty), so that confidence reads as the probability that a candidate is right. Questions labelled
/// <c>fallback</c> (the FAQ does not cover them) contribute candidates that are all wrong, which is what teaches the
/// fusion to fall back on them.
/// </summary>
public static class Calibration
{
    private const int SamplesPerQuestion = 8;

    /// <summary>Collects the best candidates of every non-urgent labelled question, one group per question.</summary>
    /// <param name="index">The index to search.</param>
    /// <param name="cases">Labelled questions; urgent ones are skipped (they never reach matching).</param>
    /// <param name="keywordOnly">Collect samples as if the embedding model were unavailable.</param>
    /// <param name="cancellationToken">Cancels the run.</param>
    public static async Task<List<CalibrationSample[]>> CollectAsync(
        FaqIndex index, IEnumerable<EvalCase> cases, bool keywordOnly = false, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(index);
        ArgumentNullException.ThrowIfNull(cases);
        var groups = new List<CalibrationSample[]>();
        // Candidates are gathered with a neutral ranking so the samples do not depend on earlier weights; every
        // entry is scored, so each candidate's best rival similarity is measured against all of them.
        var neutral = new Fusion { ModelId = string.Empty, Bias = 0, KeywordWeight = 1, EmbeddingWeight = keywordOnly ? 0 : 1, AnswerWeight = keywordOnly ? 0 : 1 };
        foreach (var c in cases.Where(c => c.Expect != EvalCase.Urgent))
        {
            var result = await index.SearchAsync(c.Question, index.Entries.Count, neutral, cancellationToken);
            var all = result.Candidates;
            var best = all.Count > 0 ? all.Max(x => x.Embedding) : 0;
            var second = all.Select(x => x.Embedding).OrderDescending().Skip(1).FirstOrDefault();
            groups.Add([.. all.Take(SamplesPerQuestion).Select(candidate => keywordOnly
                ? new CalibrationSample(candidate.Keyword, 0, 0, 0, result.UnknownShare, c.Accepts(candidate.Entry.Id))
                : new CalibrationSample(
                    candidate.Keyword,
                    candidate.Embedding,
                    candidate.AnswerEmbedding,
                    candidate.Embedding >= best ? second : best,
                    result.UnknownShare,
                    c.Accepts(candidate.Entry.Id)))]);
        }

        return groups;
    }

    /// <summary>Fits both stages and returns a <see cref="Fusion"/> carrying the weights.</summary>
    /// <param name="groups">Candidate groups with embeddings, one per question.</param>
    /// <param name="keywordOnlyGroups">The same questions collected in keyword-only mode.</param>
    /// <param name="modelId">The embedding model the samples were collected with.</param>
    /// <param name="ridge">Ridge penalty per sample.</param>
    public static Fusion Fit(IReadOnlyList<CalibrationSample[]> groups, IReadOnlyList<CalibrationSample[]> keywordOnlyGroups, string modelId, double ridge = 0.0005)
    {
        ArgumentNullException.ThrowIfNull(groups);
        ArgumentNullException.ThrowIfNull(keywordOnlyGroups);
        ArgumentNullException.ThrowIfNull(modelId);
        var samples = groups.SelectMany(g => g).ToList();
        var stage1 = FitLogistic([.. samples.Select(s => (new[] { 1, s.Keyword, s.Embedding, s.AnswerEmbedding }, s.Correct))], ridge);
        var keywordOnly = FitLogistic([.. keywordOnlyGroups.SelectMany(g => g).Select(s => (new[] { 1, s.Keyword }, s.Correct))], ridge);
        var fusion = new Fusion
        {
            ModelId = modelId,
            Bias = stage1[0],
            KeywordWeight = stage1[1],
            EmbeddingWeight = stage1[2],
            AnswerWeight = stage1[3],
            KeywordOnlyBias = keywordOnly[0],
            KeywordOnlyWeight = keywordOnly[1],
        };

        // Stage 2 learns from both modes, so confidence means the same thing when the embedding model is unavailable
        // (its similarity features are then zero).
        var stage2Data = new List<(double[] X, bool Y)>();
        AddLeadSamples(groups, fusion, keywordOnly: false, stage2Data);
        AddLeadSamples(keywordOnlyGroups, fusion, keywordOnly: true, stage2Data);
        var stage2 = FitLogistic(stage2Data, ridge);
        fusion.ConfidenceBias = stage2[0];
        fusion.ScoreWeight = stage2[1];
        fusion.LeadWeight = stage2[2];
        fusion.UnknownWeight = stage2[3];
        fusion.SimilarityWeight = stage2[4];
        fusion.SimilarityLeadWeight = stage2[5];
        return Rounded(fusion);
    }

    /// <summary>Every fitted weight by name (the model id excluded).</summary>
    public static IEnumerable<(string Name, double Value)> Weights(Fusion fusion)
    {
        ArgumentNullException.ThrowIfNull(fusion);
        yield return (nameof(fusion.Bias), fusion.Bias);
        yield return (nameof(fusion.KeywordWeight), fusion.KeywordWeight);
        yield return (nameof(fusion.EmbeddingWeight), fusion.EmbeddingWeight);
        yield return (nameof(fusion.AnswerWeight), fusion.AnswerWeight);
        yield return (nameof(fusion.KeywordOnlyBias), fusion.KeywordOnlyBias);
        yield return (nameof(fusion.KeywordOnlyWeight), fusion.KeywordOnlyWeight);
        yield return (nameof(fusion.ConfidenceBias), fusion.ConfidenceBias);
        yield return (nameof(fusion.ScoreWeight), fusion.ScoreWeight);
        yield return (nameof(fusion.LeadWeight), fusion.LeadWeight);
        yield return (nameof(fusion.UnknownWeight), fusion.UnknownWeight);
        yield return (nameof(fusion.SimilarityWeight), fusion.SimilarityWeight);
        yield return (nameof(fusion.SimilarityLeadWeight), fusion.SimilarityLeadWeight);
    }

    private static void AddLeadSamples(IReadOnlyList<CalibrationSample[]> groups, Fusion fusion, bool keywordOnly, List<(double[] X, bool Y)> data)
    {
        foreach (var group in groups)
        {
            var relevance = group.Select(s => fusion.Relevance(s.Keyword, s.Embedding, s.AnswerEmbedding, keywordOnly)).ToArray();
            for (var i = 0; i < group.Length; i++)
            {
                var bestOther = fusion.Relevance(0, 0, 0, keywordOnly);
                for (var j = 0; j < group.Length; j++)
                {
                    if (j != i)
                    {
                        bestOther = Math.Max(bestOther, relevance[j]);
                    }
                }

                var s = group[i];
                data.Add(([1, relevance[i], relevance[i] - bestOther, s.UnknownShare, s.Embedding, s.Embedding - s.BestOtherEmbedding], s.Correct));
            }
        }
    }

    private static Fusion Rounded(Fusion f) => new()
    {
        ModelId = f.ModelId,
        Bias = Math.Round(f.Bias, 3),
        KeywordWeight = Math.Round(f.KeywordWeight, 3),
        EmbeddingWeight = Math.Round(f.EmbeddingWeight, 3),
        AnswerWeight = Math.Round(f.AnswerWeight, 3),
        KeywordOnlyBias = Math.Round(f.KeywordOnlyBias, 3),
        KeywordOnlyWeight = Math.Round(f.KeywordOnlyWeight, 3),
        ConfidenceBias = Math.Round(f.ConfidenceBias, 3),
        ScoreWeight = Math.Round(f.ScoreWeight, 3),
        LeadWeight = Math.Round(f.LeadWeight, 3),
        UnknownWeight = Math.Round(f.UnknownWeight, 3),
        SimilarityWeight = Math.Round(f.SimilarityWeight, 3),
        SimilarityLeadWeight = Math.Round(f.SimilarityLeadWeight, 3),
    };

    /// <summary>Expected calibration error: the average gap between confidence and accuracy over ten bins.</summary>
    public static double ExpectedCalibrationError(IEnumerable<(double Confidence, bool Correct)> predictions)
    {
        ArgumentNullException.ThrowIfNull(predictions);
        var list = predictions.ToList();
        if (list.Count == 0)
        {
            return 0;
        }

        double error = 0;
        foreach (var bin in list.GroupBy(p => Math.Min(9, (int)(p.Confidence * 10))))
        {
            var confidence = bin.Average(p => p.Confidence);
            var accuracy = bin.Average(p => p.Correct ? 1.0 : 0.0);
            error += Math.Abs(confidence - accuracy) * bin.Count() / list.Count;
        }

        return error;
    }

    private static double[] FitLogistic(List<(double[] X, bool Y)> data, double ridge)
    {
        if (data.Count == 0)
        {
            throw new ArgumentException("No samples to fit.", nameof(data));
        }

        var d = data[0].X.Length;
        var w = new double[d];
        for (var iteration = 0; iteration < 50; iteration++)
        {
            var gradient = new double[d];
            var hessian = new double[d, d];
            foreach (var (x, y) in data)
            {
                var p = Sigmoid(Dot(w, x));
                var residual = (y ? 1 : 0) - p;
                var curvature = Math.Max(p * (1 - p), 1e-9);
                for (var i = 0; i < d; i++)
                {
                    gradient[i] += residual * x[i];
                    for (var j = 0; j < d; j++)
                    {
                        hessian[i, j] += curvature * x[i] * x[j];
                    }
                }
            }

            for (var i = 1; i < d; i++) // the intercept is not penalised
            {
                gradient[i] -= ridge * data.Count * w[i];
                hessian[i, i] += ridge * data.Count;
            }

            var step = Solve(hessian, gradient);
            var change = 0.0;
            for (var i = 0; i < d; i++)
            {
                w[i] += step[i];
                change = Math.Max(change, Math.Abs(step[i]));
            }

            if (change < 1e-8)
            {
                break;
            }
        }

        return w;
    }

    private static double Sigmoid(double z) => 1 / (1 + Math.Exp(-z));

    private static double Dot(double[] a, double[] b)
    {
        double sum = 0;
        for (var i = 0; i < a.Length; i++)
        {
            sum += a[i] * b[i];
        }

        return sum;
    }

    // Gaussian elimination with partial pivoting; the systems here are at most 6×6.
    private static double[] Solve(double[,] a, double[] b)
    {
        var n = b.Length;
        var m = (double[,])a.Clone();
        var x = (double[])b.Clone();
        for (var col = 0; col < n; col++)
        {
            var pivot = col;
            for (var row = col + 1; row < n; row++)
            {
                if (Math.Abs(m[row, col]) > Math.Abs(m[pivot, col]))
                {
                    pivot = row;
                }
            }

            if (pivot != col)
            {
                for (var k = 0; k < n; k++)
                {
                    (m[col, k], m[pivot, k]) = (m[pivot, k], m[col, k]);
                }

                (x[col], x[pivot]) = (x[pivot], x[col]);
            }

            for (var row = col + 1; row < n; row++)
            {
                var factor = m[row, col] / m[col, col];
                for (var k = col; k < n; k++)
                {
                    m[row, k] -= factor * m[col, k];
                }

                x[row] -= factor * x[col];
            }
        }

        for (var row = n - 1; row >= 0; row--)
        {
            for (var k = row + 1; k < n; k++)
            {
                x[row] -= m[row, k] * x[k];
            }

            x[row] /= m[row, row];
        }

        return x;
    }
}
