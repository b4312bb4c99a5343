namespace Faq.Core.Matching;

/// <summary>
/// Fuses the keyword and semantic signals in two calibrated stages, both logistic models fitted on labelled
/// questions (see <c>Calibration</c>):
/// <list type="number">
/// <item>a relevance score per entry, <c>z = bias + keywordWeight·keyword + embeddingWeight·embedding + answerWeight·answerEmbedding</c>,
/// which orders the candidates;</item>
/// <item>a confidence per candidate, <c>σ(confidenceBias + scoreWeight·z + leadWeight·(z − z of the best other candidate)
/// + unknownWeight·unknownShare + similarityWeight·embedding + similarityLeadWeight·(embedding − best other entry's embedding))</c>,
/// which reads as the probability that this candidate is the right answer: an entry that is good and clearly ahead
/// of the rest is trusted more than one of several similar entries, a question phrased almost like one of the
/// entry's questions is trusted more, and a question largely about words the FAQ never uses is trusted less.</item>
/// </list>
/// The weights belong to the embedding model they were fitted with (<see cref="ModelId"/>): cosine similarities of
/// different models are on different scales.
/// </summary>
public sealed class Fusion
{
    /// <summary>The embedding model these weights were fitted for; empty to use them with any model.</summary>
    public string ModelId { get; set; } = "all-MiniLM-L6-v2";

    /// <summary>Whether these weights were fitted for vectors of this model (weights with no model id fit any).</summary>
    public bool Fits(string? embeddingModelId) => string.IsNullOrEmpty(ModelId) || ModelId == embeddingModelId;

    /// <summary>Stage 1 intercept.</summary>
    public double Bias { get; set; } = -6.565;

    /// <summary>Stage 1 weight of the normalised BM25 score.</summary>
    public double KeywordWeight { get; set; } = 4.593;

    /// <summary>Stage 1 weight of the best cosine similarity between the question and the entry's question or an alternate.</summary>
    public double EmbeddingWeight { get; set; } = 4.186;

    /// <summary>Stage 1 weight of the cosine similarity between the question and the entry's answer.</summary>
    public double AnswerWeight { get; set; } = 1.942;

    /// <summary>Stage 1 intercept when no embedding is available (keyword-only degraded mode).</summary>
    public double KeywordOnlyBias { get; set; } = -3.965;

    /// <summary>Stage 1 keyword weight in keyword-only degraded mode.</summary>
    public double KeywordOnlyWeight { get; set; } = 6.104;

    /// <summary>Stage 2 intercept.</summary>
    public double ConfidenceBias { get; set; } = -0.228;

    /// <summary>Stage 2 weight of the candidate's own relevance score.</summary>
    public double ScoreWeight { get; set; } = 0.598;

    /// <summary>Stage 2 weight of the candidate's lead over the best other candidate (negative when behind).</summary>
    public double LeadWeight { get; set; } = 1.099;

    /// <summary>Stage 2 weight of the share of the question in words the FAQ never uses.</summary>
    public double UnknownWeight { get; set; } = -0.82;

    /// <summary>Stage 2 weight of the candidate's question similarity.</summary>
    public double SimilarityWeight { get; set; } = 0.681;

    /// <summary>Stage 2 weight of the candidate's question similarity minus the best other entry's.</summary>
    public double SimilarityLeadWeight { get; set; } = 0.284;

    /// <summary>Stage 1: the relevance score (a logit) used to order candidates.</summary>
    public double Relevance(double keyword, double embedding, double answerEmbedding, bool keywordOnly = false) =>
        keywordOnly
            ? KeywordOnlyBias + (KeywordOnlyWeight * keyword)
            : Bias + (KeywordWeight * keyword) + (EmbeddingWeight * embedding) + (AnswerWeight * answerEmbedding);

    /// <summary>Stage 2: calibrated confidence in [0, 1].</summary>
    /// <param name="relevance">The candidate's relevance.</param>
    /// <param name="bestOtherRelevance">The best other candidate's relevance.</param>
    /// <param name="unknownShare">The share of the question in words the FAQ never uses.</param>
    /// <param name="embedding">The candidate's question similarity (0 in keyword-only mode).</param>
    /// <param name="bestOtherEmbedding">The best question similarity of any other entry (0 in keyword-only mode).</param>
    public double Confidence(double relevance, double bestOtherRelevance, double unknownShare, double embedding = 0, double bestOtherEmbedding = 0) =>
        Sigmoid(ConfidenceBias
            + (ScoreWeight * relevance)
            + (LeadWeight * (relevance - bestOtherRelevance))
            + (UnknownWeight * unknownShare)
            + (SimilarityWeight * embedding)
            + (SimilarityLeadWeight * (embedding - bestOtherEmbedding)));

    private static double Sigmoid(double z) => 1 / (1 + Math.Exp(-z));
}
