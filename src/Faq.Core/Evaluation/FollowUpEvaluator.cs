using System.Text.Json;
using System.Text.Json.Serialization;
using Faq.Core.Answering;
using Faq.Core.Conversation;
using Faq.Core.Matching;

namespace Faq.Core.Evaluation;

/// <summary>A labelled conversation: its turns in order, each with what should answer it.</summary>
/// <param name="Turns">The patient's messages in order.</param>
public sealed record FollowUpConversation([property: JsonPropertyName("turns")] IReadOnlyList<EvalCase> Turns)
{
    /// <summary>Reads JSON Lines: one conversation per non-empty line, <c>{"turns": [{"q", "expect"}, …]}</c>.</summary>
    /// <exception cref="FormatException">A line is not a valid conversation.</exception>
    public static IReadOnlyList<FollowUpConversation> ParseLines(string jsonLines)
    {
        ArgumentNullException.ThrowIfNull(jsonLines);
        var conversations = new List<FollowUpConversation>();
        var lineNumber = 0;
        foreach (var line in jsonLines.Split('\n'))
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            FollowUpConversation? parsed;
            try
            {
                parsed = JsonSerializer.Deserialize(line, EvalJsonContext.Default.FollowUpConversation);
            }
            catch (JsonException ex)
            {
                throw new FormatException($"Line {lineNumber}: {ex.Message}", ex);
            }

            if (parsed?.Turns is not { Count: >= 2 } turns || turns.Any(t => string.IsNullOrWhiteSpace(t?.Question) || string.IsNullOrWhiteSpace(t.Expect)))
            {
                throw new FormatException($"Line {lineNumber}: needs \"turns\", at least two, each with \"q\" and \"expect\".");
            }

            conversations.Add(parsed);
        }

        return conversations;
    }
}

/// <summary>How later turns of labelled conversations fare with the conversation's context and judged alone.</summary>
/// <param name="Conversations">Conversations run.</param>
/// <param name="LaterTurns">Turns after the first: the ones context can change.</param>
/// <param name="FollowUps">Later turns read as follow-ups (<see cref="FollowUp.IsIncomplete"/>) in the run with context.</param>
/// <param name="Correct">Later turns handled as labelled, with context.</param>
/// <param name="CorrectAlone">Later turns handled as labelled when every message is judged alone.</param>
/// <param name="WrongAnswers">Later turns answered with a wrong entry, with context.</param>
/// <param name="WrongAnswersAlone">The same, judged alone.</param>
public sealed record FollowUpReport(int Conversations, int LaterTurns, int FollowUps, int Correct, int CorrectAlone, int WrongAnswers, int WrongAnswersAlone)
{
    /// <summary>One JSON line.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, EvalJsonContext.Default.FollowUpReport);
}

/// <summary>Runs labelled conversations through the answerer the way a session does, and alone for comparison.</summary>
public static class FollowUpEvaluator
{
    /// <summary>Every later turn's result with context and alone, and the summary.</summary>
    public static async Task<(FollowUpReport Report, IReadOnlyList<(EvalResult WithContext, EvalResult Alone)> Turns)> RunAsync(
        FaqAnswerer answerer, FaqIndex index, IReadOnlyList<FollowUpConversation> conversations, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(answerer);
        ArgumentNullException.ThrowIfNull(index);
        ArgumentNullException.ThrowIfNull(conversations);
        var turns = new List<(EvalResult, EvalResult)>();
        var followUps = 0;
        var memory = new ConversationMemory(new ConversationOptions(), TimeProvider.System);
        for (var c = 0; c < conversations.Count; c++)
        {
            var session = "eval-" + c.ToString(System.Globalization.CultureInfo.InvariantCulture);
            for (var t = 0; t < conversations[c].Turns.Count; t++)
            {
                var turn = conversations[c].Turns[t];
                var reply = await answerer.AnswerAsync(index, turn.Question, languageHint: null, memory.TopicOf(session), cancellationToken);
                memory.Remember(session, reply);
                if (t == 0)
                {
                    continue;
                }

                var alone = await answerer.AnswerAsync(index, turn.Question, cancellationToken);
                followUps += reply.ContextFaqId is null ? 0 : 1;
                turns.Add((Result(turn, reply), Result(turn, alone)));
            }
        }

        var report = new FollowUpReport(
            conversations.Count,
            turns.Count,
            followUps,
            turns.Count(x => x.Item1.Correct),
            turns.Count(x => x.Item2.Correct),
            turns.Count(x => Wrong(x.Item1)),
            turns.Count(x => Wrong(x.Item2)));
        return (report, turns);
    }

    private static bool Wrong(EvalResult r) => r.Outcome == AnswerOutcome.Answered && !r.Case.Accepts(r.FaqId);

    private static EvalResult Result(EvalCase c, FaqReply reply) =>
        new(c, reply.Outcome, reply.FaqId, reply.Confidence, [.. reply.Candidates.Select(x => x.Entry.Id)], reply.Triage);
}
