using Faq.Core.Content;

namespace Faq.Benchmarks;

/// <summary>
/// Deterministic synthetic FAQ sets of any size: entries built from a Zipf-like vocabulary of made-up words, each
/// with a question, three alternates and an answer, and questions that rephrase an entry (some words dropped,
/// one misspelt), so search work resembles a real FAQ's at every size.
/// </summary>
public static class SyntheticFaq
{
    private static readonly string[] Syllables = ["ka", "lo", "mi", "nu", "pe", "ra", "si", "to", "vu", "xe", "ba", "do", "fi", "gu", "he", "ja"];

    public static IReadOnlyList<FaqEntry> Entries(int count, int seed = 42)
    {
        var random = new Random(seed);
        var vocabulary = Vocabulary(Math.Max(2_000, count / 2), random);
        var entries = new List<FaqEntry>(count);
        for (var i = 0; i < count; i++)
        {
            var topic = Words(random, vocabulary, 4);
            entries.Add(new FaqEntry(
                $"entry-{i}",
                $"how does {topic} {Words(random, vocabulary, 2)} work",
                [$"what is {topic}", $"can {topic} help with {Words(random, vocabulary, 2)}", $"{topic} {Words(random, vocabulary, 3)}"],
                Words(random, vocabulary, 30),
                [],
                []));
        }

        return entries;
    }

    /// <summary>Questions that rephrase random entries of <paramref name="entries"/>.</summary>
    public static IReadOnlyList<string> Questions(IReadOnlyList<FaqEntry> entries, int count, int seed = 7)
    {
        var random = new Random(seed);
        var questions = new List<string>(count);
        for (var i = 0; i < count; i++)
        {
            var entry = entries[random.Next(entries.Count)];
            var words = entry.Alternates[random.Next(entry.Alternates.Count)].Split(' ').Where(_ => random.NextDouble() > 0.2).ToList();
            if (words.Count > 1)
            {
                var k = random.Next(words.Count);
                words[k] = words[k].Length > 3 ? words[k][..^1] + "e" : words[k]; // a typo
            }

            questions.Add(string.Join(' ', words) + "?");
        }

        return questions;
    }

    private static string[] Vocabulary(int size, Random random)
    {
        var words = new HashSet<string>(StringComparer.Ordinal);
        while (words.Count < size)
        {
            var length = random.Next(2, 5);
            words.Add(string.Concat(Enumerable.Range(0, length).Select(_ => Syllables[random.Next(Syllables.Length)])));
        }

        return [.. words];
    }

    // Zipf-like: low indexes (common words) are drawn far more often than the tail.
    private static string Words(Random random, string[] vocabulary, int count) =>
        string.Join(' ', Enumerable.Range(0, count).Select(_ => vocabulary[(int)(vocabulary.Length * Math.Pow(random.NextDouble(), 3))]));
}
