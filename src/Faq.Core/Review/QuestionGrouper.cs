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
/// of one question land together: each question is embedded with the app's sentence-embedding model, the FAQ's topic
/// (what all its questions share, <see cref="Matching.FaqIndex.TopicVector"/>) is taken out of the vector, and the
/// question joins the group whose centre (the sum of its members' vectors) is most similar, if at least
/// <paramref name="threshold"/> cosine, or starts a group of its own. Without the topic taken out, any two questions
/// that name the treatment look alike ("do I need to wear anything special for dry needling" is closer to "does dry
/// needling hurt", 0.64, than to "what should I wear", 0.47). Questions are taken oldest first so a group keeps its
/// oldest question's id.
/// If the model cannot embed (not loaded, or the embedding service is failing), questions are grouped by their
/// wording alone (case, spacing and punctuation ignored) rather than not at all.
/// </summary>
public sealed class QuestionGrouper(IEmbeddingGenerator<string, Embedding<float>> embedder, double threshold = QuestionGrouper.DefaultThreshold)
{
    /// <summary>
    /// The cosine similarity (all-MiniLM-L6-v2, topic taken out) from which a question joins a group: measured on the
    /// curated FAQ's topic, paraphrases of one patient question score 0.38–0.97, different questions mostly under 0.3.
    /// </summary>
    public const double DefaultThreshold = 0.4;

    /// <summary>Groups questions; groups come largest first, then most recently asked first.</summary>
    /// <param name="questions">The review queue.</param>
    /// <param name="topic">The FAQ's topic vector (<see cref="Matching.FaqIndex.TopicVector"/>) to take out, or null.</param>
    /// <param name="cancellationToken">Cancels embedding.</param>
    public async Task<IReadOnlyList<QuestionGroup>> GroupAsync(IReadOnlyList<UnansweredQuestion> questions, float[]? topic = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(questions);
        var ordered = questions.OrderBy(q => q.At).ThenBy(q => q.Id, StringComparer.Ordinal).ToList();
        if (ordered.Count == 0)
        {
            return [];
        }

        if (await EmbedAsync(ordered, topic, cancellationToken) is not { } vectors)
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

    private async Task<float[][]?> EmbedAsync(List<UnansweredQuestion> questions, float[]? topic, CancellationToken cancellationToken)
    {
        try
        {
            var embeddings = await embedder.GenerateAsync(questions.Select(q => q.Question), cancellationToken: cancellationToken);
            if (embeddings.Count == questions.Count)
            {
                return [.. embeddings.Select(e => Unit(Centred(Unit(e.Vector.ToArray()), topic)))];
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // Grouping is a convenience for staff: without the model the caller groups by wording.
        }

        return null;
    }

    private static float[] Centred(float[] vector, float[]? topic)
    {
        if (topic is not null && topic.Length == vector.Length)
        {
            TensorPrimitives.Subtract(vector, topic, vector);
        }

        return vector;
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
