using System.Numerics.Tensors;
using Faq.Core.Analysis;
using Microsoft.Extensions.AI;

namespace Faq.Core.Review;

/// <summary>Questions of the review queue that mean the same thing.</summary>
/// <param name="Id">The group's id: the id of its oldest question, so it stays the same as newer wordings join it.</param>
/// <param name="Members">The questions, newest first.</param>
public sealed record QuestionGroup(string Id, IReadOnlyList<UnansweredQuestion> Members)
{
    /// <summary>How many questions the group holds.</summary>
    public int Count => Members.Count;

    /// <summary>When the oldest was asked.</summary>
    public DateTimeOffset FirstAsked => Members[^1].At;

    /// <summary>When the newest was asked.</summary>
    public DateTimeOffset LastAsked => Members[0].At;

    /// <summary>The wording that stands for the group: its oldest question.</summary>
    public UnansweredQuestion Representative => Members[^1];
}

/// <summary>
/// Groups the review queue by meaning, so staff see "asked 14 times" once instead of fourteen rows and three wordings
/// of one question land together: each question is embedded with the app's sentence-embedding model and joins the
/// group whose centre (the mean of its members' unit vectors) is most similar, if at least <paramref name="threshold"/>
/// cosine, or starts a group of its own. Questions are taken oldest first so a group keeps its oldest question's id.
/// If the model cannot embed (not loaded, or the embedding service is failing), questions are grouped by their
/// wording alone (case, spacing and punctuation ignored) rather than not at all.
/// </summary>
public sealed class QuestionGrouper(IEmbeddingGenerator<string, Embedding<float>> embedder, double threshold = QuestionGrouper.DefaultThreshold)
{
    /// <summary>
    /// The cosine similarity (all-MiniLM-L6-v2) above which two wordings count as one question: paraphrases of one
    /// patient question score 0.6–0.9, different questions about dry needling mostly 0.3–0.55.
    /// </summary>
    public const double DefaultThreshold = 0.6;

    /// <summary>Groups questions; groups come largest first, then most recently asked first.</summary>
    public async Task<IReadOnlyList<QuestionGroup>> GroupAsync(IReadOnlyList<UnansweredQuestion> questions, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(questions);
        var ordered = questions.OrderBy(q => q.At).ThenBy(q => q.Id, StringComparer.Ordinal).ToList();
        if (ordered.Count == 0)
        {
            return [];
        }

        if (await EmbedAsync(ordered, cancellationToken) is not { } vectors)
        {
            return Sorted(ordered.GroupBy(q => TextAnalyzer.WordingKey(q.Question), StringComparer.Ordinal).Select(g => g.ToList()));
        }

        var groups = new List<(float[] Sum, List<UnansweredQuestion> Members)>();
        for (var i = 0; i < ordered.Count; i++)
        {
            var vector = vectors[i];
            var best = -1;
            var bestSimilarity = threshold;
            for (var g = 0; g < groups.Count; g++)
            {
                var similarity = TensorPrimitives.CosineSimilarity(vector, groups[g].Sum);
                if (similarity >= bestSimilarity)
                {
                    best = g;
                    bestSimilarity = similarity;
                }
            }

            if (best < 0)
            {
                groups.Add(([.. vector], [ordered[i]]));
            }
            else
            {
                TensorPrimitives.Add(groups[best].Sum, vector, groups[best].Sum);
                groups[best].Members.Add(ordered[i]);
            }
        }

        return Sorted(groups.Select(g => g.Members));
    }

    // Members come oldest first.
    private static QuestionGroup[] Sorted(IEnumerable<List<UnansweredQuestion>> groups) => [.. groups
        .Select(members => new QuestionGroup(members[0].Id, [.. Enumerable.Reverse(members)]))
        .OrderByDescending(g => g.Count)
        .ThenByDescending(g => g.LastAsked)];

    private async Task<float[][]?> EmbedAsync(List<UnansweredQuestion> questions, CancellationToken cancellationToken)
    {
        try
        {
            var embeddings = await embedder.GenerateAsync(questions.Select(q => q.Question), cancellationToken: cancellationToken);
            if (embeddings.Count == questions.Count)
            {
                return [.. embeddings.Select(e => Unit(e.Vector.ToArray()))];
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // Grouping is a convenience for staff: without the model the caller groups by wording.
        }

        return null;
    }

    private static float[] Unit(float[] vector)
    {
        var norm = TensorPrimitives.Norm(vector);
        if (norm > 0)
        {
            TensorPrimitives.Divide(vector, norm, vector);
        }

        return vector;
    }
}
