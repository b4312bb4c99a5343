using System.Text.RegularExpressions;
using Faq.Core.Analysis;

namespace Faq.Core.Triage;

/// <summary>What kind of emergency a message sounds like.</summary>
public enum UrgentCategory
{
    /// <summary>Not urgent.</summary>
    None,

    /// <summary>Breathing trouble; a collapsed lung (pneumothorax) is a known needling risk.</summary>
    Breathing,

    /// <summary>Chest pain or pressure, heart attack.</summary>
    ChestPain,

    /// <summary>Signs of infection: fever with redness or swelling, spreading redness, pus.</summary>
    Infection,

    /// <summary>Fainting with confusion, unresponsiveness, seizure.</summary>
    Consciousness,

    /// <summary>A swollen, hot or red calf or leg that could be a blood clot.</summary>
    Clot,

    /// <summary>Bleeding that will not stop.</summary>
    Bleeding,

    /// <summary>Stroke signs or an explicit emergency.</summary>
    Emergency,

    /// <summary>Thoughts of suicide or self-harm.</summary>
    SelfHarm,
}

/// <summary>The triage decision for one message.</summary>
public sealed record TriageResult(UrgentCategory Category, string? Reason)
{
    /// <summary>Not urgent.</summary>
    public static TriageResult NotUrgent { get; } = new(UrgentCategory.None, null);

    /// <summary>Whether the message must get the urgent reply instead of an FAQ answer.</summary>
    public bool IsUrgent => Category != UrgentCategory.None;
}

/// <summary>
/// Deterministic, conservative screening for messages that sound like an emergency. It runs before matching.
/// A symptom described as happening ("my calf is swollen and hot", "I can't breathe") is urgent; the same
/// symptom asked about in general ("can dry needling cause a collapsed lung?") is left to the FAQ, which
/// covers those risks. Self-harm and explicit emergencies are always urgent.
/// </summary>
public static partial class UrgentTriage
{
    private static readonly (UrgentCategory Category, Regex Pattern, bool AlwaysUrgent)[] Rules =
    [
        (UrgentCategory.SelfHarm, SelfHarm(), true),
        (UrgentCategory.Emergency, ExplicitEmergency(), true),
        (UrgentCategory.Breathing, Breathing(), false),
        (UrgentCategory.ChestPain, ChestPain(), false),
        (UrgentCategory.Consciousness, Consciousness(), false),
        (UrgentCategory.Bleeding, Bleeding(), false),
        (UrgentCategory.Clot, Clot(), false),
        (UrgentCategory.Infection, Infection(), false),
        (UrgentCategory.Emergency, StrokeSigns(), false),
    ];

    /// <summary>Screens one message.</summary>
    public static TriageResult Assess(string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var text = Normalise(message);
        bool? hypothetical = null; // decided only once a symptom matches: most messages match none
        foreach (var (category, pattern, always) in Rules)
        {
            var match = pattern.Match(text);
            if (match.Success && (always || !(hypothetical ??= GeneralQuestion().IsMatch(text) && !PersonalState().IsMatch(text))))
            {
                return new TriageResult(category, match.Value.Trim());
            }
        }

        return TriageResult.NotUrgent;
    }

    // Folded, apostrophes removed ("can't" → "cant"), every other run of non-alphanumerics one space, with a space at
    // each end, so patterns stay simple.
    private static string Normalise(string message)
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

    [GeneratedRegex(@"\b(suicid\w*|kill(ing)? my ?self|(want|wants|wanted) (someone |somebody |you )?to kill me|end(ing)? (my life|it all)|take my (own )?life|want(ed)? to die|wanna die|self ?harm\w*|(hurt|hurting|harm|harming|cut|cutting) my ?self|dont want to (live|be alive|be here)|no reason to live|better off dead|overdos\w*)\b")]
    private static partial Regex SelfHarm();

    [GeneratedRegex(@"\b(911|999|112|call(ed|ing)? (an )?ambulance|need an ambulance|heart attack|having a stroke|(this is|its|im having|having) an emergency|not breathing|stopped breathing|(isnt|is not|wasnt|arent|not) (breathing|waking up)|((isnt|is not|wasnt|arent|not) (responding|responsive)|unresponsive|wont respond)(?! to\b)|(unconscious|wont wake|cant wake|seizure|seizing|convuls\w*))\b")]
    private static partial Regex ExplicitEmergency();

    [GeneratedRegex(@"\b((cant|cannot|can not|couldnt|can barely|can hardly|barely|hardly|unable to|hard to|hard time|difficult to|difficulty|trouble|struggl\w*( to)?|problems?|pain when i|hurts? to|painful to)( (seem to|really|properly|get|take|catch))?( (a|my))?( (full|deep|proper|good))? (breath\w*|get (enough )?air)|short(ness)? of breath|breathless\w*|out of breath|gasping|wheez\w*|(collapsed|collapse|punctured|puncture|popped|pierced|perforated|nicked)\b.{0,12}\blungs?|lungs?\b.{0,20}\b(collapsed|punctured|popped|pierced)|pneumothorax|breathing (is |feels )?(hard|difficult|painful|shallow|laboured|labored|weird|strange)|chest (is |feels )?tight\w*|tight\w* (in|of) (my |the )?chest)\b")]
    private static partial Regex Breathing();

    [GeneratedRegex(@"\b(chest\b.{0,20}\b(pain|pains|hurts?|hurting|ache|aches|aching|pressure|discomfort|sore|burning|squeez\w*)|(pain|pains|hurts?|hurting|ache|aching|pressure|tightness|discomfort)\b.{0,15}\b(in|on|across) (my |the )?chest|crushing (pain|feeling)|pain (spreading|going|radiating) (down|to|into) (my )?(left )?(arm|jaw))\b")]
    private static partial Regex ChestPain();

    [GeneratedRegex(@"\b((faint\w*|passed out|pass out|blacked out|collapsed|lost consciousness)\b.{0,60}\b(confus\w*|disorient\w*|slurr\w*|cant think|dont know where|hit (my|his|her) head|wont wake|cant wake|still (dizzy|out))|(confus\w*|disorient\w*)\b.{0,60}\b(faint\w*|passed out|blacked out|collapsed))\b")]
    private static partial Regex Consciousness();

    [GeneratedRegex(@"\b((bleed\w*|blood)\b.{0,40}\b(wont|will not|doesnt|does not|cant|cannot|isnt|is not|not) (stop\w*|slow\w*|clot\w*)|(wont|cant|cannot|unable to) stop (the |it )?bleed\w*|bleed\w* (heavily|a lot|badly|profusely|everywhere|through)|(keeps?|kept) (on )?bleed\w*|blood (is |was )?everywhere|(soaked|soaking) (through )?(with |in )?blood|(gushing|pouring|spurting) blood|blood (is )?(gushing|pouring|spurting))\b")]
    private static partial Regex Bleeding();

    [GeneratedRegex(@"\b(blood clot|clot in (my |the )?(leg|calf)|dvt|deep vein thrombo\w*|(calf|calves|leg|legs|shin)\b.{0,40}\b(swollen|swelling|swelled|puffy|warm|hot|red|throbbing|tender and (red|hot|swollen))|(swollen|swelling|puffy|throbbing)\b.{0,30}\b(calf|calves|leg|legs))\b")]
    private static partial Regex Clot();

    [GeneratedRegex(@"\b((fever\w*|temperature|chills|shivering)\b.{0,60}\b((red|redder|redness|reddish|reddened)|swollen|swelling|hot|pus|infect\w*|(after|since)\b.{0,40}\b(needl\w*|session|treatment|appointment))|((red|redder|redness|reddish|reddened)|swollen|swelling|hot|pus|infect\w*)\b.{0,60}\b(fever\w*|temperature|chills)|(after|since)\b.{0,40}\b(needl\w*|session|treatment|appointment)\b.{0,60}\b(fever\w*|chills)|(redness|red)\b.{0,40}\b(spreading|getting bigger|growing|moving up)|spreading\b.{0,20}\b(red|redness)\b|red (streak|line)s?|pus|oozing|(looks|is|got|getting|seems) infected|infection (at|in|on|where))\b")]
    private static partial Regex Infection();

    [GeneratedRegex(@"\b(face (is )?droop\w*|drooping face|slurred speech|cant (feel|move) my (arm|leg|face|side)|numb\w* (on )?one side|sudden (numbness|weakness))\b")]
    private static partial Regex StrokeSigns();

    // "can/could/does dry needling cause…", "is it hard to…", "is there a risk of…", "how common is…": asking about,
    // not living through. ("Is it normal to be short of breath after…" is not here: it usually reports a symptom.)
    [GeneratedRegex(@"\b(can|could|does|do|will|would|might|may|is it possible|is it (common|usual|likely|rare|safe|hard|difficult) (to|for)|possible to|is there (a |any )?(risk|chance)|what are the (chances|odds|risks)|risk of|risks of|chance of|how (common|likely|often|rare|rarely)|ever (cause|happen))\b")]
    private static partial Regex GeneralQuestion();

    // First-person, present-tense signs that the symptom is happening now.
    [GeneratedRegex(@"\b((i|im|ive|my|me)\b.{0,25}\b(have|has|having|got|feel|feels|feeling|am|is|are|was|cant|cannot|barely|hardly|started|starting|keeps?|wont|been|getting|noticed)|(could|might|may|can) (this|it) be|is this (a|an|normal)|right now|currently|since (my|the|yesterday|this)|this (morning|evening|afternoon)|tonight|today|yesterday|after my|last night)\b")]
    private static partial Regex PersonalState();
}
