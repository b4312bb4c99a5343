using System.Numerics.Tensors;
using Faq.Core.Embeddings;

namespace Faq.Core.Review;

/// <summary>
/// Groups similar unanswered questions so staff see "asked 14 times" once instead of fourteen rows: greedy
/// clustering by cosine similarity of the local embedder's vectors, newest question first.
/// </summary>
public sealed class QuestionGrouper(HashedNgramEmbeddingGenerator embedder, double threshold = 0.6)
{
    /// <summary>Groups questions; each group lists its members in the order given.</summary>
    public IReadOnlyList<IReadOnlyList<UnansweredQuestion>> Group(IReadOnlyList<UnansweredQuestion> questions)
    {
        ArgumentNullException.ThrowIfNull(questions);
        var groups = new List<(float[] Centre, List<UnansweredQuestion> Members)>();
        foreach (var question in questions)
        {
            var vector = embedder.Embed(question.Question);
            var best = -1;
            var bestSimilarity = threshold;
            for (var g = 0; g < groups.Count; g++)
            {
                var similarity = TensorPrimitives.CosineSimilarity(vector, groups[g].Centre);
                if (similarity >= bestSimilarity)
                {
                    best = g;
                    bestSimilarity = similarity;
                }
            }

            if (best < 0)
            {
                groups.Add((vector, [question]));
            }
            else
            {
                groups[best].Members.Add(question);
            }
        }

        return [.. groups.Select(g => (IReadOnlyList<UnansweredQuestion>)g.Members).OrderByDescending(g => g.Count)];
    }
}
