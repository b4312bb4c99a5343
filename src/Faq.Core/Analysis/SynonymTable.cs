namespace Faq.Core.Analysis;

/// <summary>
/// A small table of domain synonyms. Each group lists words or short phrases that patients use for the same
/// thing; every member is rewritten to the group's first member, on both the FAQ side and the question side,
/// so BM25 and the embeddings see one term. Matching is on stems, so plurals and other word forms of a member
/// match too. Kept deliberately small: it covers the abbreviations and lay words of the domain, not the
/// paraphrases of any particular FAQ entry.
/// </summary>
public sealed class SynonymTable
{
    private const int MaxPhraseWords = 4;
    private readonly Dictionary<string, List<(string[] Phrase, string[] Canonical)>> _byFirstStem = new(StringComparer.Ordinal);
    private readonly Func<string, string> _stem;

    /// <summary>Creates a table from groups of equivalent words or phrases; the first of each group is canonical.</summary>
    public SynonymTable(IEnumerable<IReadOnlyList<string>> groups)
        : this(groups, PorterStemmer.Stem)
    {
    }

    /// <summary>Creates a table whose phrases are matched on the stems of <paramref name="stem"/> (the analyzer's stemmer).</summary>
    public SynonymTable(IEnumerable<IReadOnlyList<string>> groups, Func<string, string> stem)
    {
        ArgumentNullException.ThrowIfNull(groups);
        ArgumentNullException.ThrowIfNull(stem);
        _stem = stem;
        foreach (var group in groups)
        {
            if (group.Count < 2)
            {
                continue;
            }

            var canonical = Stems(group[0]);
            foreach (var member in group.Skip(1))
            {
                var phrase = Stems(member);
                if (phrase.Length is 0 or > MaxPhraseWords)
                {
                    throw new ArgumentException($"Synonym '{member}' must have 1 to {MaxPhraseWords} words.", nameof(groups));
                }

                if (phrase.SequenceEqual(canonical))
                {
                    continue;
                }

                if (!_byFirstStem.TryGetValue(phrase[0], out var list))
                {
                    _byFirstStem[phrase[0]] = list = [];
                }

                list.Add((phrase, canonical));
                list.Sort((x, y) => y.Phrase.Length.CompareTo(x.Phrase.Length)); // longest match first
            }
        }
    }

    /// <summary>A table with no synonyms.</summary>
    public static SynonymTable Empty { get; } = new([]);

    /// <summary>The built-in table for dry needling and foot and ankle care.</summary>
    public static SynonymTable Default { get; } = new(
    [
        ["dry needling", "dn", "tdn", "trigger point needling", "trigger point dry needling"],
        ["plantar fasciitis", "pf", "plantar fasciosis", "plantar fasciopathy"],
        ["electrical stimulation", "e stim", "estim", "electrostimulation", "electro stimulation", "electric stimulation", "electrical current", "electric current"],
        ["pain", "hurt", "hurts", "hurting", "painful", "ouch"],
        ["sore", "soreness", "ache", "aches", "aching", "achy"],
        ["session", "visit", "appointment", "appt"],
        ["acupuncture", "acupuncturist", "accupuncture", "acupunture"],
        ["physiotherapist", "physio", "physical therapist", "physiotherapy", "physical therapy"],
        ["cost", "price", "prices", "pricing", "fee", "fees", "charge", "expensive", "afford", "affordable", "cheap", "pay"],
        ["insurance", "insured", "insurer", "coverage", "covered", "cover", "medicare", "reimburse", "reimbursed"],
        ["book", "booking", "schedule", "reserve", "sign up", "make an appointment", "make a booking", "get an appointment", "set up an appointment", "schedule an appointment"],
        ["exercise", "workout", "work out", "workouts", "gym", "lift weights"],
        ["run", "running", "jog", "jogging", "runner", "runners", "jogger"],
        ["race", "marathon", "half marathon", "races", "competition"],
        ["side effect", "side effects", "adverse effect", "adverse effects", "complication", "complications", "adverse reaction"],
        ["cortisone", "steroid", "steroids", "corticosteroid", "corticosteroids"],
        ["injection", "injections", "shot", "shots", "jab", "inject", "injected"],
        ["medication", "medications", "medicine", "medicines", "drug", "drugs", "pill", "pills", "meds"],
        ["blood thinner", "blood thinners", "anticoagulant", "anticoagulants", "warfarin", "coumadin", "eliquis", "apixaban", "xarelto", "rivaroxaban", "heparin", "clopidogrel", "plavix"],
        ["pregnant", "pregnancy", "expecting a baby"],
        ["bleeding disorder", "hemophilia", "haemophilia", "von willebrand", "clotting disorder"],
        ["tendinopathy", "tendinitis", "tendonitis", "tendinosis"],
        ["calf", "calves", "calfs"],
        ["foot", "feet"],
        ["safe", "safety", "dangerous", "danger", "harmful", "unsafe"],
        ["fear", "afraid", "scared", "phobia", "frightened", "nervous", "anxious", "terrified"],
        ["qualified", "qualification", "qualifications", "certified", "certification", "licensed", "license", "credentials", "accredited"],
        ["difference", "different", "differ", "vs", "versus", "compare", "compared", "comparison", "same", "similar"],
        ["evidence", "research", "studies", "study", "science", "scientific", "proven", "proof"],
        ["twitch", "twitching", "twitches", "spasm", "flinch"],
        ["hydrate", "hydration", "hydrated", "drink water"],
        ["not", "cant", "cannot", "shouldnt", "dont", "doesnt", "wont", "isnt", "arent", "mustnt", "wouldnt", "couldnt"],
    ]);

    /// <summary>
    /// Rewrites a token sequence, replacing every synonym (longest phrase first) by its canonical stems.
    /// A replaced token's word becomes the canonical stem, so it is never mistaken for a stop word.
    /// </summary>
    internal List<Token> Rewrite(List<Token> tokens)
    {
        if (_byFirstStem.Count == 0)
        {
            return tokens;
        }

        List<Token>? output = null;
        for (var i = 0; i < tokens.Count; i++)
        {
            var match = FindAt(tokens, i);
            if (match is null)
            {
                output?.Add(tokens[i]);
                continue;
            }

            output ??= tokens.GetRange(0, i);
            foreach (var stem in match.Value.Canonical)
            {
                output.Add(new Token(stem, stem));
            }

            i += match.Value.Length - 1;
        }

        return output ?? tokens;
    }

    private (string[] Canonical, int Length)? FindAt(List<Token> tokens, int start)
    {
        if (!_byFirstStem.TryGetValue(tokens[start].Stem, out var candidates))
        {
            return null;
        }

        foreach (var (phrase, canonical) in candidates)
        {
            if (start + phrase.Length > tokens.Count)
            {
                continue;
            }

            var matches = true;
            for (var k = 1; k < phrase.Length && matches; k++)
            {
                matches = tokens[start + k].Stem == phrase[k];
            }

            if (matches)
            {
                return (canonical, phrase.Length);
            }
        }

        return null;
    }

    private string[] Stems(string phrase) => [.. Tokenizer.Tokenize(TextFolding.Fold(phrase)).Select(_stem)];
}

/// <summary>A folded word and its stem.</summary>
internal readonly record struct Token(string Word, string Stem);
