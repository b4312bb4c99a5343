namespace Faq.Core.Triage;

/// <summary>The red-flag category a message sounds like (see <see cref="RedFlags"/> for ids, names and replies).</summary>
public enum UrgentCategory
{
    /// <summary>Not urgent.</summary>
    None,

    /// <summary>Breathing difficulty; a collapsed lung (pneumothorax) is a known needling risk.</summary>
    Breathing,

    /// <summary>Chest pain or pressure, heart attack, palpitations with fainting.</summary>
    ChestCardiac,

    /// <summary>Anaphylaxis: swelling of throat, tongue or face, hives with faintness.</summary>
    Anaphylaxis,

    /// <summary>Stroke signs: face, arm, speech, sudden vision loss, the worst-ever headache.</summary>
    Stroke,

    /// <summary>Bleeding that will not stop.</summary>
    Bleeding,

    /// <summary>Coughing or vomiting blood.</summary>
    BloodCoughVomit,

    /// <summary>Spreading infection, or fever with a hot, swollen site.</summary>
    Infection,

    /// <summary>A clot: one swollen, painful, hot calf or leg, with or without breathlessness.</summary>
    Clot,

    /// <summary>A limb that turns cold, pale or blue.</summary>
    ColdLimb,

    /// <summary>Nerve emergencies: saddle numbness, loss of bladder or bowel control, sudden weakness of both legs.</summary>
    Nerve,

    /// <summary>Unconsciousness, seizure, head injury with confusion or vomiting.</summary>
    Collapse,

    /// <summary>Self-harm, suicide and overdose.</summary>
    SelfHarm,

    /// <summary>An explicit emergency (an ambulance, an emergency number) that names none of the red flags above.</summary>
    Emergency,
}

/// <summary>Which urgent reply a category gets.</summary>
public enum UrgentReply
{
    /// <summary>Not urgent: no urgent reply.</summary>
    None,

    /// <summary>The emergency number (<c>AnsweringOptions.UrgentMessage</c>).</summary>
    EmergencyNumber,

    /// <summary>The crisis line, 988 in the US (<c>AnsweringOptions.CrisisMessage</c>).</summary>
    CrisisLine,
}

/// <summary>One red-flag category as a clinician reviews it; the README's "Urgent triage" table lists the same.</summary>
/// <param name="Category">The category.</param>
/// <param name="Id">A stable lowercase id for integrations (the API's <c>category</c>) and labelled eval sets.</param>
/// <param name="Name">The category's name for people.</param>
/// <param name="Signs">What the triage looks for, in a clinician's words.</param>
/// <param name="Reply">The reply the patient gets.</param>
public sealed record RedFlag(UrgentCategory Category, string Id, string Name, string Signs, UrgentReply Reply);

/// <summary>The red-flag categories the urgent triage screens for.</summary>
public static class RedFlags
{
    /// <summary>Every category, in the README's order (<see cref="UrgentCategory.None"/> is not one).</summary>
    public static IReadOnlyList<RedFlag> All { get; } =
    [
        new(UrgentCategory.Breathing, "breathing", "Breathing difficulty",
            "can't breathe, short of breath, struggling for air, wheezing or gasping; a collapsed or punctured lung", UrgentReply.EmergencyNumber),
        new(UrgentCategory.ChestCardiac, "chest-cardiac", "Chest pain or cardiac symptoms",
            "chest pain, pressure, heaviness or tightness, pain spreading to the arm or jaw; a racing or skipping heart with fainting or near-fainting", UrgentReply.EmergencyNumber),
        new(UrgentCategory.Anaphylaxis, "anaphylaxis", "Anaphylaxis",
            "swelling of the throat, tongue, lips, face or eyes; hives or a rash all over, with faintness or trouble breathing; an allergic reaction happening", UrgentReply.EmergencyNumber),
        new(UrgentCategory.Stroke, "stroke", "Stroke signs",
            "face drooping, arm weakness, slurred or jumbled speech, sudden loss of vision, the worst-ever or a thunderclap headache", UrgentReply.EmergencyNumber),
        new(UrgentCategory.Bleeding, "bleeding", "Bleeding that will not stop",
            "bleeding that does not stop with pressure, soaks through dressings, pours, or keeps coming back", UrgentReply.EmergencyNumber),
        new(UrgentCategory.BloodCoughVomit, "blood-cough-vomit", "Coughing or vomiting blood",
            "blood coughed up, spat or in phlegm; vomiting blood or coffee-ground or black vomit", UrgentReply.EmergencyNumber),
        new(UrgentCategory.Infection, "infection", "Spreading infection",
            "fever, chills or shivering with a red, hot, swollen or discharging site; redness spreading or red streaks; pus", UrgentReply.EmergencyNumber),
        new(UrgentCategory.Clot, "clot", "Blood clot",
            "one swollen, painful, hot or red calf or leg, one leg bigger than the other, with or without breathlessness; a suspected DVT", UrgentReply.EmergencyNumber),
        new(UrgentCategory.ColdLimb, "cold-limb", "Cold, pale or blue limb",
            "a foot, toes, hand, fingers or leg gone white, pale, blue, grey or mottled, or cold with numbness or pain", UrgentReply.EmergencyNumber),
        new(UrgentCategory.Nerve, "nerve", "Nerve emergency",
            "numbness in the saddle area (bottom, genitals, inner thighs), loss of bladder or bowel control, sudden weakness or numbness of both legs", UrgentReply.EmergencyNumber),
        new(UrgentCategory.Collapse, "collapse", "Collapse",
            "unconscious, unresponsive or not waking, a seizure, fainting with confusion or not coming round, a head injury with confusion, vomiting or drowsiness", UrgentReply.EmergencyNumber),
        new(UrgentCategory.SelfHarm, "self-harm", "Self-harm, suicide or overdose",
            "thoughts of suicide or of ending one's life, self-harm, an overdose or a whole packet of tablets taken", UrgentReply.CrisisLine),
        new(UrgentCategory.Emergency, "emergency", "Explicit emergency",
            "asks for an ambulance or an emergency number, or says it is an emergency, naming none of the red flags above", UrgentReply.EmergencyNumber),
    ];

    /// <summary>The category's entry.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="category"/> is <see cref="UrgentCategory.None"/> or not defined.</exception>
    public static RedFlag Get(UrgentCategory category) =>
        category is > UrgentCategory.None and <= UrgentCategory.Emergency
            ? All[(int)category - 1]
            : throw new ArgumentOutOfRangeException(nameof(category), category, "Not a red-flag category.");

    /// <summary>The category with this id, if any.</summary>
    public static RedFlag? Find(string id) => All.FirstOrDefault(f => string.Equals(f.Id, id, StringComparison.Ordinal));
}
