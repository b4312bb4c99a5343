using System.Text.Json;
using Faq.Core.Answering;
using Faq.Core.Matching;
using Faq.Core.Triage;

namespace Faq.Core.Evaluation;

/// <summary>A labelled question and what the bot did with it.</summary>
/// <param name="Case">The labelled question.</param>
/// <param name="Outcome">What the bot did.</param>
/// <param name="FaqId">The entry answered from, if any.</param>
/// <param name="Confidence">The reply's confidence.</param>
/// <param name="CandidateIds">The best candidates' entry ids, best first.</param>
/// <param name="Triage">The triage decision, when recorded.</param>
/// <param name="Language">The language the bot replied in.</param>
public sealed record EvalResult(EvalCase Case, AnswerOutcome Outcome, string? FaqId, double Confidence, IReadOnlyList<string> CandidateIds, TriageResult? Triage = null, string Language = "en")
{
    /// <summary>Whether the bot did what the label asks.</summary>
    public bool Correct => Case.Expect switch
    {
        EvalCase.Urgent => Outcome == AnswerOutcome.Urgent,
        EvalCase.Fallback => Outcome is AnswerOutcome.Fallback or AnswerOutcome.SmallTalk, // no entry claimed to answer it
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
/// <param name="NotUrgent">Questions not labelled urgent (in scope and off-topic).</param>
/// <param name="UrgentMissed">Urgent questions not triaged as urgent.</param>
/// <param name="UrgentMissRateUpper95">The upper end of the two-sided 95 % Clopper–Pearson interval of the miss rate:
/// with 0 misses in n urgent messages, about 3.7 / n.</param>
/// <param name="FalseAlarmRate">Questions not labelled urgent that got the urgent reply.</param>
/// <param name="UrgentByCategory">Urgent recall per labelled red-flag category; null when no urgent question has a category.</param>
/// <param name="ByLanguage">How many questions were answered in each language, and how many of those as labelled.</param>
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
    double? Mrr5,
    int NotUrgent = 0,
    int UrgentMissed = 0,
    double? UrgentMissRateUpper95 = null,
    double? FalseAlarmRate = null,
    IReadOnlyList<CategoryRecall>? UrgentByCategory = null,
    IReadOnlyList<LanguageShare>? ByLanguage = null)
{
    /// <summary>One JSON line.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, EvalJsonContext.Default.EvalReport);
}

/// <summary>Urgent recall in one red-flag category.</summary>
/// <param name="Category">The category id the questions are labelled with.</param>
/// <param name="Urgent">Urgent questions labelled with it.</param>
/// <param name="Caught">Those triaged as urgent.</param>
/// <param name="Recall">Caught / Urgent.</param>
/// <param name="SameCategory">Those triaged as urgent in this same category (what an integration routing by category sees).</param>
public sealed record CategoryRecall(string Category, int Urgent, int Caught, double Recall, int SameCategory);

/// <summary>The questions the bot replied to in one language.</summary>
/// <param name="Language">The reply language.</param>
/// <param name="Questions">Questions replied to in it.</param>
/// <param name="Correct">Those the bot handled as labelled.</param>
public sealed record LanguageShare(string Language, int Questions, int Correct);

/// <summary>Runs labelled questions through the same answering pipeline the API uses.</summary>
public static class Evaluator
{
    /// <summary>Answers every case and returns the per-case results.</summary>
    public static Task<IReadOnlyList<EvalResult>> RunAsync(
        FaqAnswerer answerer, FaqIndex index, IEnumerable<EvalCase> cases, CancellationToken cancellationToken = default) =>
        RunAsync(answerer, index, cases, null, cancellationToken);

    /// <summary>Answers every case, each in the language read from its text with <paramref name="languageHint"/> as
    /// the page's language would be, and returns the per-case results.</summary>
    public static async Task<IReadOnlyList<EvalResult>> RunAsync(
        FaqAnswerer answerer, FaqIndex index, IEnumerable<EvalCase> cases, string? languageHint, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(answerer);
        ArgumentNullException.ThrowIfNull(index);
        ArgumentNullException.ThrowIfNull(cases);
        var results = new List<EvalResult>();
        foreach (var c in cases)
        {
            var reply = await answerer.AnswerAsync(index, c.Question, languageHint, previousTopic: null, cancellationToken);
            results.Add(new EvalResult(c, reply.Outcome, reply.FaqId, reply.Confidence, [.. reply.Candidates.Select(x => x.Entry.Id)], reply.Triage, reply.Language));
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
        var notUrgent = results.Where(r => r.Case.Expect != EvalCase.Urgent).ToList();
        var missed = urgent.Count(r => r.Outcome != AnswerOutcome.Urgent);
        var fallbacks = results.Where(r => r.Outcome is AnswerOutcome.Fallback or AnswerOutcome.SmallTalk).ToList();
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
            Rate(offTopic, r => r.Outcome is AnswerOutcome.Fallback or AnswerOutcome.SmallTalk),
            Rate(offTopic, r => r.Outcome == AnswerOutcome.Answered),
            Rate(fallbacks, r => r.Case.Expect == EvalCase.Fallback),
            urgent.Count,
            Rate(urgent, r => r.Outcome == AnswerOutcome.Urgent),
            Rate(urgentReplies, r => r.Case.Expect == EvalCase.Urgent),
            inScope.Count == 0 ? null : Math.Round(mrr / inScope.Count, 4),
            notUrgent.Count,
            missed,
            urgent.Count == 0 ? null : Math.Round(BinomialBounds.Upper(missed, urgent.Count), 4),
            Rate(notUrgent, r => r.Outcome == AnswerOutcome.Urgent),
            ByCategory(urgent),
            [.. results.GroupBy(r => r.Language, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => new LanguageShare(g.Key, g.Count(), g.Count(r => r.Correct)))]);
    }

    // In the README's order of categories, then any other label alphabetically (a typo in a label shows up as its own row).
    private static List<CategoryRecall>? ByCategory(List<EvalResult> urgent)
    {
        var labelled = urgent.Where(r => r.Case.Category is not null).ToList();
        if (labelled.Count == 0)
        {
            return null;
        }

        return [.. labelled
            .GroupBy(r => r.Case.Category!, StringComparer.Ordinal)
            .OrderBy(g => RedFlags.Find(g.Key) is { } flag ? (int)flag.Category : int.MaxValue)
            .ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g =>
            {
                var caught = g.Count(r => r.Outcome == AnswerOutcome.Urgent);
                var same = g.Count(r => r.Outcome == AnswerOutcome.Urgent && r.Triage?.CategoryId == g.Key);
                return new CategoryRecall(g.Key, g.Count(), caught, Math.Round((double)caught / g.Count(), 4), same);
            })];
    }

    /// <summary>The share of <paramref name="items"/> matching; null when there are none (nothing was measured).</summary>
    private static double? Rate(List<EvalResult> items, Func<EvalResult, bool> predicate) =>
        items.Count == 0 ? null : Math.Round((double)items.Count(predicate) / items.Count, 4);
}
