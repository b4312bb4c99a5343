namespace Faq.Core.Matching;

/// <summary>
/// Fuses the keyword and embedding signals in two calibrated stages, both logistic models fitted on labelled
/// questions (see <c>Calibration</c>):
/// <list type="number">
/// <item>a relevance score per entry, <c>z = bias + keywordWeight·keyword + embeddingWeight·embedding</c>,
/// which orders the candidates;</item>
/// <item>a confidence per candidate, <c>σ(confidenceBias + scoreWeight·z + leadWeight·(z − z of the best other candidate)
/// + unknownWeight·unknownShare)</c>, which reads as the probability that this candidate is the right answer:
/// an entry that is good and clearly ahead of the rest is trusted more than one of several similar entries,
/// and a question that is largely about words the FAQ never uses is trusted less.</item>
/// </list>
/// </summary>
public sealed class Fusion
{
    /// <summary>Stage 1 intercept.</summary>
    public double Bias { get; set; } = -5.762;

    /// <summary>Stage 1 weight of the normalised BM25 score.</summary>
    public double KeywordWeight { get; set; } = 3.834;

    /// <summary>Stage 1 weight of the embedding cosine similarity.</summary>
    public double EmbeddingWeight { get; set; } = 6.052;

    /// <summary>Stage 1 weight of the share of the question in words the FAQ never uses.</summary>
    public double UnknownWeight { get; set; } = -1.401;

    /// <summary>Stage 1 intercept when no embedding is available (keyword-only degraded mode).</summary>
    public double KeywordOnlyBias { get; set; } = -3.877;

    /// <summary>Stage 1 keyword weight in keyword-only degraded mode.</summary>
    public double KeywordOnlyWeight { get; set; } = 6.564;

    /// <summary>Stage 2 intercept.</summary>
    public double ConfidenceBias { get; set; } = -0.036;

    /// <summary>Stage 2 weight of the candidate's own relevance score.</summary>
    public double ScoreWeight { get; set; } = 0.479;

    /// <summary>Stage 2 weight of the candidate's lead over the best other candidate (negative when behind).</summary>
    public double LeadWeight { get; set; } = 1.257;

    /// <summary>Stage 1: the relevance score (a logit) used to order candidates.</summary>
    public double Relevance(double keyword, double embedding, bool keywordOnly = false) =>
        keywordOnly
            ? KeywordOnlyBias + (KeywordOnlyWeight * keyword)
            : Bias + (KeywordWeight * keyword) + (EmbeddingWeight * embedding);

    /// <summary>Stage 2: calibrated confidence in [0, 1] from a candidate's relevance, the best other candidate's
    /// and the question's unknown share.</summary>
    public double Confidence(double relevance, double bestOtherRelevance, double unknownShare) =>
        Sigmoid(ConfidenceBias + (ScoreWeight * relevance) + (LeadWeight * (relevance - bestOtherRelevance)) + (UnknownWeight * unknownShare));

    private static double Sigmoid(double z) => 1 / (1 + Math.Exp(-z));
}
