using System.Globalization;
using System.Text.RegularExpressions;
using Faq.Core.Analysis;

namespace Faq.Core.Triage;

/// <summary>
/// One message read for red flags: its normalised text, the unmistakable patterns, each category's signs and the
/// context that suppresses them. Context is read only when a sign or a similarity needs it: most messages have
/// neither.
/// </summary>
internal sealed class RedFlagReading
{
    // Patterns that decide alone, in this order: self-harm first, so an overdose always gets the crisis line.
    private static readonly (UrgentCategory Category, Regex Pattern)[] Unmistakable =
    [
        (UrgentCategory.SelfHarm, RedFlagPatterns.FloorSelfHarm()),
        (UrgentCategory.Collapse, RedFlagPatterns.FloorCollapse()),
        (UrgentCategory.Breathing, RedFlagPatterns.FloorBreathing()),
        (UrgentCategory.BloodCoughVomit, RedFlagPatterns.FloorBloodCoughVomit()),
        (UrgentCategory.ChestCardiac, RedFlagPatterns.FloorChestCardiac()),
        (UrgentCategory.Emergency, RedFlagPatterns.FloorEmergency()),
    ];

    // Signs in order of precedence when a message has several: anaphylaxis or a clot with breathlessness is named as
    // such, a stroke's weakness before a nerve emergency's, a collapse before the breathing or chest signs that come
    // with it, and plain bleeding last.
    private static readonly (UrgentCategory Category, Regex Pattern)[] Signs =
    [
        (UrgentCategory.Anaphylaxis, RedFlagPatterns.SignsAnaphylaxis()),
        (UrgentCategory.Stroke, RedFlagPatterns.SignsStroke()),
        (UrgentCategory.Nerve, RedFlagPatterns.SignsNerve()),
        (UrgentCategory.BloodCoughVomit, RedFlagPatterns.SignsBloodCoughVomit()),
        (UrgentCategory.Infection, RedFlagPatterns.SignsInfection()),
        (UrgentCategory.Clot, RedFlagPatterns.SignsClot()),
        (UrgentCategory.ColdLimb, RedFlagPatterns.SignsColdLimb()),
        (UrgentCategory.Collapse, RedFlagPatterns.SignsCollapse()),
        (UrgentCategory.ChestCardiac, RedFlagPatterns.SignsChestCardiac()),
        (UrgentCategory.Breathing, RedFlagPatterns.SignsBreathing()),
        (UrgentCategory.Bleeding, RedFlagPatterns.SignsBleeding()),
    ];

    // The model-free layer's symptom words, in the same precedence.
    private static readonly (UrgentCategory Category, Regex Pattern)[] Words =
    [
        (UrgentCategory.Anaphylaxis, RedFlagPatterns.WordsAnaphylaxis()),
        (UrgentCategory.Stroke, RedFlagPatterns.WordsStroke()),
        (UrgentCategory.Nerve, RedFlagPatterns.WordsNerve()),
        (UrgentCategory.BloodCoughVomit, RedFlagPatterns.WordsBloodCoughVomit()),
        (UrgentCategory.Infection, RedFlagPatterns.WordsInfection()),
        (UrgentCategory.Clot, RedFlagPatterns.WordsClot()),
        (UrgentCategory.ColdLimb, RedFlagPatterns.WordsColdLimb()),
        (UrgentCategory.ChestCardiac, RedFlagPatterns.WordsChestCardiac()),
        (UrgentCategory.Breathing, RedFlagPatterns.WordsBreathing()),
        (UrgentCategory.Collapse, RedFlagPatterns.WordsCollapse()),
        (UrgentCategory.Bleeding, RedFlagPatterns.WordsBleeding()),
    ];

    private readonly string _text;
    private string? _symptoms;
    private Context? _context;
    private List<(UrgentCategory Category, string Words)>? _signs;

    public RedFlagReading(string message) => _text = Normalise(message);

    /// <summary>The decision of the patterns and signs, or null when they find nothing urgent (similarity or the
    /// model-free layer decides then).</summary>
    public TriageResult? Decide()
    {
        foreach (var (category, pattern) in Unmistakable)
        {
            var match = pattern.Match(_text);
            if (!match.Success)
            {
                continue;
            }

            // An explicit emergency is named by its signs when it has any ("call 911, my throat is swelling").
            var named = category == UrgentCategory.Emergency && FoundSigns().Count > 0 ? FoundSigns()[0].Category : category;
            return new TriageResult(named, match.Value.Trim(), TriageBasis.Pattern);
        }

        foreach (var (category, words) in FoundSigns())
        {
            if (!Suppressed(category, TriageBasis.Signs))
            {
                return new TriageResult(category, words, TriageBasis.Signs);
            }
        }

        return null;
    }

    /// <summary>The decision by similarity to the exemplars, after <see cref="Decide"/> found nothing.</summary>
    public TriageResult WithSimilarity(CategorySimilarity[] similarities)
    {
        var best = UrgentCategory.None;
        var bestSimilarity = 0f;
        for (var c = 1; c < similarities.Length; c++)
        {
            var category = (UrgentCategory)c;
            if (similarities[c].Similarity >= RedFlagExemplars.Threshold(category) && similarities[c].Similarity > bestSimilarity
                && !Suppressed(category, TriageBasis.Similarity))
            {
                (best, bestSimilarity) = (category, similarities[c].Similarity);
            }
        }

        if (best == UrgentCategory.None)
        {
            return TriageResult.NotUrgent;
        }

        var exemplar = RedFlagExemplars.All[similarities[(int)best].Exemplar].Text;
        return new TriageResult(best, string.Create(CultureInfo.InvariantCulture, $"like \"{exemplar}\" ({bestSimilarity:F2})"), TriageBasis.Similarity);
    }

    /// <summary>The model-free layer's decision, after <see cref="Decide"/> found nothing.</summary>
    public TriageResult WithoutModel()
    {
        var symptoms = Symptoms();
        if (!RedFlagPatterns.SomethingHappening().IsMatch(symptoms))
        {
            return TriageResult.NotUrgent;
        }

        foreach (var (category, pattern) in Words)
        {
            var match = pattern.Match(symptoms);
            if (match.Success && !Suppressed(category, TriageBasis.ModelFree))
            {
                return new TriageResult(category, match.Value.Trim(), TriageBasis.ModelFree);
            }
        }

        return TriageResult.NotUrgent;
    }

    /// <summary>
    /// Whether the context mutes a category found by signs, similarity or symptom words. Mildness softens only the
    /// categories that have mild forms (a drop of blood, a small red mark, a moment of light-headedness) and never
    /// a severe description; asking in general, history, long-standing states and (for similarity and symptom words)
    /// questions about having treatment never mute a message that says the symptom is happening now.
    /// </summary>
    private bool Suppressed(UrgentCategory category, TriageBasis basis)
    {
        var context = _context ??= new Context(_text);
        if (context.Mild && !context.Severe && IsSoftenable(category))
        {
            return true;
        }

        if (basis != TriageBasis.Signs)
        {
            // Similarity and bare symptom words cannot tell "sore and achy" or "heartbroken" from an emergency: a mild
            // symptom or a figure of speech mutes them unless a sign of a category without mild forms is present.
            var hard = FoundSigns().Any(s => !IsSoftenable(s.Category));
            if ((context.Mild || context.MildSymptom) && !context.Severe && !hard)
            {
                return true;
            }

            if (context.FigureOfSpeech && FoundSigns().Count == 0)
            {
                return true;
            }
        }

        if (context.HappeningNow)
        {
            return false;
        }

        if (category == UrgentCategory.SelfHarm)
        {
            // A hypothetical or past thought of ending one's life still gets the crisis line; only a question about
            // treatment ("can dry needling help with depression?") mutes a similarity to the self-harm exemplars.
            return basis != TriageBasis.Signs && context.AskingAboutTreatment;
        }

        return context.AskingInGeneral || context.History || context.LongStanding
            || (basis != TriageBasis.Signs && context.AskingAboutTreatment);
    }

    private static bool IsSoftenable(UrgentCategory category) =>
        category is UrgentCategory.Bleeding or UrgentCategory.Infection or UrgentCategory.Clot or UrgentCategory.ColdLimb or UrgentCategory.Collapse;

    private List<(UrgentCategory Category, string Words)> FoundSigns()
    {
        if (_signs is not null)
        {
            return _signs;
        }

        _signs = [];
        var symptoms = Symptoms();
        foreach (var (category, pattern) in Signs)
        {
            var match = pattern.Match(symptoms);
            if (match.Success)
            {
                _signs.Add((category, match.Value.Trim()));
            }
        }

        return _signs;
    }

    // The text with denied signs ("no swelling"), figures of speech ("dying to") and phrases that name no symptom
    // ("blood thinners") blanked out.
    private string Symptoms() => _symptoms ??= RedFlagPatterns.NonSymptoms().Replace(
        RedFlagPatterns.FiguresOfSpeech().Replace(RedFlagPatterns.Negated().Replace(_text, " "), " "), " ");

    // Folded, apostrophes removed ("can't" → "cant"), every other run of non-alphanumerics one space, with a space at
    // each end, so patterns stay simple.
    internal static string Normalise(string message)
    {
        var folded = TextFolding.Fold(message);
        var buffer = folded.Length <= 510 ? stackalloc char[folded.Length + 2] : new char[folded.Length + 2];
        var length = 0;
        buffer[length++] = ' ';
        foreach (var c in folded)
        {
            if (c is (>= 'a' and <= 'z') or (>= '0' and <= '9'))
            {
                buffer[length++] = c;
            }
            else if (c != '\'' && buffer[length - 1] != ' ')
            {
                buffer[length++] = ' ';
            }
        }

        if (buffer[length - 1] != ' ')
        {
            buffer[length++] = ' ';
        }

        return new string(buffer[..length]);
    }

    private sealed class Context(string text)
    {
        public bool HappeningNow { get; } = RedFlagPatterns.HappeningNow().IsMatch(text);

        public bool AskingInGeneral { get; } = RedFlagPatterns.AskingInGeneral().IsMatch(text);

        public bool History { get; } = RedFlagPatterns.History().IsMatch(text);

        public bool AskingAboutTreatment { get; } = RedFlagPatterns.AskingAboutTreatment().IsMatch(text);

        public bool LongStanding { get; } = RedFlagPatterns.LongStanding().IsMatch(text);

        public bool FigureOfSpeech { get; } = RedFlagPatterns.FiguresOfSpeech().IsMatch(text);

        public bool Mild { get; } = RedFlagPatterns.Mildness().IsMatch(text);

        public bool MildSymptom { get; } = RedFlagPatterns.MildSymptom().IsMatch(text);

        public bool Severe { get; } = RedFlagPatterns.Severity().IsMatch(text);
    }
}
