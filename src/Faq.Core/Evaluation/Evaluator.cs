using System.Text.Json;
using Faq.Core.Answering;
using Faq.Core.Matching;

namespace Faq.Core.Evaluation;

/// <summary>A labelled question and what the bot did with it.</summary>
public sealed record EvalResult(EvalCase Case, AnswerOutcome Outcome, string? FaqId, double Confidence, IReadOnlyList<string> CandidateIds)
{
    /// <summary>Whether the bot did what the label asks.</summary>
    public bool Correct => Case.Expect switch
    {
        EvalCase.Urgent => Outcome == AnswerOutcome.Urgent,
        EvalCase.Fallback => Outcome == AnswerOutcome.Fallback,
        _ => Outcome == AnswerOutcome.Answered && Case.Accepts(FaqId),
    };
}

/// <summary>Answering quality over a labelled question set. A rate is null when the set has no question it is measured on
/// (for example urgent recall on a set without urgent messages).</summary>
/// <param name="Questions">All questions.</param>
/// <param name="InScope">Questions labelled with an entry id.</param>
/// <param name="Top1">In-scope questions answered with the expected (or an accepted) entry.</param>
/// <param name="WrongAnswerRate">In-scope questions answered with any other entry.</param>
/// <param name="ClarifyRate">In-scope questions that got a clarify reply.</param>
/// <param name="InScopeFallbackRate">In-scope questions that fell back.</param>
/// <param name="OffTopic">Questions labelled fallback.</param>
/// <param name="OffTopicFallbackRate">Off-topic questions that fell back (not answered, clarified or triaged).</param>
/// <param name="OffTopicAnsweredRate">Off-topic questions answered with an entry: confident wrong answers.</param>
/// <param name="FallbackPrecision">Of all fallbacks, the share on off-topic questions.</param>
/// <param name="Urgent">Questions labelled urgent.</param>
/// <param name="UrgentRecall">Urgent questions triaged as urgent.</param>
/// <param name="UrgentPrecision">Of all urgent replies, the share on urgent questions.</param>
/// <param name="Mrr5">Mean reciprocal rank of the expected entry within the top five candidates, in-scope only.</param>
public sealed record EvalReport(
    int Questions,
    int InScope,
    double? Top1,
    double? WrongAnswerRate,
    double? ClarifyRate,
    double? InScopeFallbackRate,
    int OffTopic,
    double? OffTopicFallbackRate,
    double? OffTopicAnsweredRate,
    double? FallbackPrecision,
    int Urgent,
    double? UrgentRecall,
    double? UrgentPrecision,
    double? Mrr5)
{
    /// <summary>One JSON line.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, EvalJsonContext.Default.EvalReport);
}

/// <summary>Runs labelled questions through the same answering pipeline the API uses.</summary>
public static class Evaluator
{
    /// <summary>Answers every case and returns the per-case results.</summary>
    public static async Task<IReadOnlyList<EvalResult>> RunAsync(
        FaqAnswerer answerer, FaqIndex index, IEnumerable<EvalCase> cases, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(answerer);
        ArgumentNullException.ThrowIfNull(index);
        ArgumentNullException.ThrowIfNull(cases);
        var results = new List<EvalResult>();
        foreach (var c in cases)
        {
            var reply = await answerer.AnswerAsync(index, c.Question, cancellationToken);
            results.Add(new EvalResult(c, reply.Outcome, reply.FaqId, reply.Confidence, [.. reply.Candidates.Select(x => x.Entry.Id)]));
        }

        return results;
    }

    /// <summary>Summarises per-case results.</summary>
    public static EvalReport Summarise(IReadOnlyList<EvalResult> results)
    {
        ArgumentNullException.ThrowIfNull(results);
        var inScope = results.Where(r => r.Case.InScope).ToList();
        var offTopic = results.Where(r => r.Case.Expect == EvalCase.Fallback).ToList();
        var urgent = results.Where(r => r.Case.Expect == EvalCase.Urgent).ToList();
        var fallbacks = results.Where(r => r.Outcome == AnswerOutcome.Fallback).ToList();
        var urgentReplies = results.Where(r => r.Outcome == AnswerOutcome.Urgent).ToList();

        double mrr = 0;
        foreach (var r in inScope)
        {
            for (var rank = 0; rank < Math.Min(5, r.CandidateIds.Count); rank++)
            {
                if (r.Case.Accepts(r.CandidateIds[rank]))
                {
                    mrr += 1.0 / (rank + 1);
                    break;
                }
            }
        }

        return new EvalReport(
            results.Count,
            inScope.Count,
            Rate(inScope, r => r.Correct),
            Rate(inScope, r => r.Outcome == AnswerOutcome.Answered && !r.Case.Accepts(r.FaqId)),
            Rate(inScope, r => r.Outcome == AnswerOutcome.Clarify),
            Rate(inScope, r => r.Outcome == AnswerOutcome.Fallback),
            offTopic.Count,
            Rate(offTopic, r => r.Outcome == AnswerOutcome.Fallback),
            Rate(offTopic, r => r.Outcome == AnswerOutcome.Answered),
            Rate(fallbacks, r => r.Case.Expect == EvalCase.Fallback),
            urgent.Count,
            Rate(urgent, r => r.Outcome == AnswerOutcome.Urgent),
            Rate(urgentReplies, r => r.Case.Expect == EvalCase.Urgent),
            inScope.Count == 0 ? null : Math.Round(mrr / inScope.Count, 4));
    }

    /// <summary>The share of <paramref name="items"/> matching; null when there are none (nothing was measured).</summary>
    private static double? Rate(List<EvalResult> items, Func<EvalResult, bool> predicate) =>
        items.Count == 0 ? null : Math.Round((double)items.Count(predicate) / items.Count, 4);
}
