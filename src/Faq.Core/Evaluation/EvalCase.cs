using System.Text.Json;
using System.Text.Json.Serialization;

namespace Faq.Core.Evaluation;

/// <summary>One labelled question: the entry id that should answer it, or <c>fallback</c>, or <c>urgent</c>.</summary>
/// <param name="Question">The question as a patient would type it.</param>
/// <param name="Expect">An entry id, <c>fallback</c> or <c>urgent</c>.</param>
/// <param name="Accept">Other entry ids that also answer it correctly.</param>
/// <param name="Category">For an urgent message, its red-flag category id (<c>Triage.RedFlag.Id</c>), when labelled.</param>
public sealed record EvalCase(
    [property: JsonPropertyName("q")] string Question,
    [property: JsonPropertyName("expect")] string Expect,
    [property: JsonPropertyName("accept")] IReadOnlyList<string>? Accept = null,
    [property: JsonPropertyName("category")] string? Category = null)
{
    /// <summary>The label for off-topic questions.</summary>
    public const string Fallback = "fallback";

    /// <summary>The label for emergencies.</summary>
    public const string Urgent = "urgent";

    /// <summary>Whether the question should be answered from an entry.</summary>
    public bool InScope => Expect is not (Fallback or Urgent);

    /// <summary>Whether an entry id answers this question correctly.</summary>
    public bool Accepts(string? faqId) =>
        faqId is not null && (faqId == Expect || (Accept?.Contains(faqId) ?? false));

    /// <summary>Reads JSON Lines: one case per non-empty line.</summary>
    /// <exception cref="FormatException">A line is not a valid case.</exception>
    public static IReadOnlyList<EvalCase> ParseLines(string jsonLines)
    {
        ArgumentNullException.ThrowIfNull(jsonLines);
        var cases = new List<EvalCase>();
        var lineNumber = 0;
        foreach (var line in jsonLines.Split('\n'))
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            EvalCase? parsed;
            try
            {
                parsed = JsonSerializer.Deserialize(line, EvalJsonContext.Default.EvalCase);
            }
            catch (JsonException ex)
            {
                throw new FormatException($"Line {lineNumber}: {ex.Message}", ex);
            }

            if (parsed is null || string.IsNullOrWhiteSpace(parsed.Question) || string.IsNullOrWhiteSpace(parsed.Expect))
            {
                throw new FormatException($"Line {lineNumber}: needs \"q\" and \"expect\".");
            }

            cases.Add(parsed);
        }

        return cases;
    }
}

[JsonSerializable(typeof(EvalCase))]
[JsonSerializable(typeof(FollowUpConversation))]
[JsonSerializable(typeof(FollowUpReport))]
[JsonSerializable(typeof(EvalReport))]
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = false)]
internal sealed partial class EvalJsonContext : JsonSerializerContext;
