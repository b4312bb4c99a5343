namespace Faq.Core.Triage;

/// <summary>What decided a triage result.</summary>
public enum TriageBasis
{
    /// <summary>Nothing: not urgent.</summary>
    None,

    /// <summary>An unmistakable pattern (self-harm, overdose, can't breathe, not breathing, seizure, coughing blood,
    /// chest pain now, an explicit emergency): urgent whatever else the message says.</summary>
    Pattern,

    /// <summary>A category's signs, described as happening to someone (not asked about in general, not history).</summary>
    Signs,

    /// <summary>Similarity to the category's red-flag exemplars (the sentence-embedding model).</summary>
    Similarity,

    /// <summary>The model-free layer, used while the model is unavailable: any symptom word of a category in a
    /// message reporting something happening.</summary>
    ModelFree,
}

/// <summary>The triage decision for one message.</summary>
/// <param name="Category">The red-flag category, or <see cref="UrgentCategory.None"/>.</param>
/// <param name="Reason">What matched: the words, or the nearest exemplar and its similarity.</param>
/// <param name="Basis">Which layer decided.</param>
public sealed record TriageResult(UrgentCategory Category, string? Reason, TriageBasis Basis = TriageBasis.None)
{
    /// <summary>Not urgent.</summary>
    public static TriageResult NotUrgent { get; } = new(UrgentCategory.None, null);

    /// <summary>Whether the message must get the urgent reply instead of an FAQ answer.</summary>
    public bool IsUrgent => Category != UrgentCategory.None;

    /// <summary>The category's stable id (<see cref="RedFlag.Id"/>), or null when not urgent.</summary>
    public string? CategoryId => IsUrgent ? RedFlags.Get(Category).Id : null;

    /// <summary>The reply the patient gets: the emergency number or the crisis line.</summary>
    public UrgentReply Reply => IsUrgent ? RedFlags.Get(Category).Reply : UrgentReply.None;

    /// <summary>The sentence-embedding model was unavailable, so the decision came from the model-free layer.</summary>
    public bool ModelUnavailable { get; init; }
}
