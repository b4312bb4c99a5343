namespace Faq.Core.Matching;

/// <summary>
/// The index's words, for typo tolerance: a question word the index has never seen is mapped to the closest
/// indexed word within a small edit distance (one edit up to six letters, two beyond), so "fasciitus",
/// "accupunture" and "neeedling" still find their terms.
/// </summary>
internal sealed class Vocabulary
{
    private const int MinLength = 4;

    // The index never changes, so a word's correction never does: remembered, up to a bound so that a stream of
    // random words cannot grow memory without limit.
    private const int MaxRemembered = 50_000;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, string?> _remembered = new(StringComparer.Ordinal);
    private readonly Dictionary<int, List<(string Word, string Term)>> _byLength = [];
    private readonly Dictionary<string, string> _termBySurface = new(StringComparer.Ordinal);

    public void Add(string surface, string term)
    {
        if (surface.Length < MinLength || !_termBySurface.TryAdd(surface, term))
        {
            return;
        }

        if (!_byLength.TryGetValue(surface.Length, out var list))
        {
            _byLength[surface.Length] = list = [];
        }

        list.Add((surface, term));
    }

    /// <summary>Finds the term of the closest known word, or null when none is close enough.</summary>
    public string? Correct(string word, Func<string, int> documentFrequency)
    {
        if (word.Length < MinLength || word.Any(char.IsDigit))
        {
            return null;
        }

        if (_remembered.TryGetValue(word, out var known))
        {
            return known;
        }

        var corrected = Search(word, documentFrequency);
        if (_remembered.Count < MaxRemembered)
        {
            _remembered.TryAdd(word, corrected);
        }

        return corrected;
    }

    private string? Search(string word, Func<string, int> documentFrequency)
    {
        var maxDistance = word.Length <= 6 ? 1 : 2;
        string? best = null;
        var bestDistance = int.MaxValue;
        var bestFrequency = -1;
        for (var length = word.Length - maxDistance; length <= word.Length + maxDistance; length++)
        {
            if (!_byLength.TryGetValue(length, out var list))
            {
                continue;
            }

            foreach (var (candidate, term) in list)
            {
                var distance = EditDistance.Bounded(word, candidate, Math.Min(maxDistance, bestDistance));
                if (distance > maxDistance || distance > bestDistance)
                {
                    continue;
                }

                var frequency = documentFrequency(term);
                if (distance < bestDistance || frequency > bestFrequency)
                {
                    best = term;
                    bestDistance = distance;
                    bestFrequency = frequency;
                }
            }
        }

        return best;
    }
}

/// <summary>Optimal string alignment distance (Levenshtein plus adjacent transpositions), with an early exit.</summary>
internal static class EditDistance
{
    /// <summary>Returns the distance, or <paramref name="max"/> + 1 as soon as it must exceed <paramref name="max"/>.</summary>
    public static int Bounded(ReadOnlySpan<char> a, ReadOnlySpan<char> b, int max)
    {
        if (Math.Abs(a.Length - b.Length) > max)
        {
            return max + 1;
        }

        var width = b.Length + 1;
        Span<int> previous2 = width <= 128 ? stackalloc int[width] : new int[width];
        Span<int> previous = width <= 128 ? stackalloc int[width] : new int[width];
        Span<int> current = width <= 128 ? stackalloc int[width] : new int[width];
        for (var j = 0; j < width; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            var rowMin = i;
            for (var j = 1; j < width; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                var value = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    value = Math.Min(value, previous2[j - 2] + 1);
                }

                current[j] = value;
                rowMin = Math.Min(rowMin, value);
            }

            if (rowMin > max)
            {
                return max + 1;
            }

            var recycled = previous2;
            previous2 = previous;
            previous = current;
            current = recycled;
        }

        return previous[width - 1];
    }
}
