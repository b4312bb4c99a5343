using Faq.Core.Answering;
using Faq.Core.Evaluation;
using Faq.Core.Triage;

namespace Faq.Core.Tests.Evaluation;

public sealed class EvaluatorTests
{
    [Theory]
    [InlineData(0, 130, 0.0280)]
    [InlineData(0, 10, 0.3085)]
    [InlineData(1, 10, 0.4450)]
    [InlineData(3, 100, 0.0852)]
    [InlineData(10, 10, 1.0)]
    public void TheMissRateBoundIsTheExactClopperPearsonUpperLimit(int misses, int trials, double expected) =>
        Assert.Equal(expected, BinomialBounds.Upper(misses, trials), 4);

    [Fact]
    public void UrgentRecallIsReportedPerCategoryWithTheMissBoundAndFalseAlarms()
    {
        static EvalResult Result(string expect, string? category, AnswerOutcome outcome, UrgentCategory triaged = UrgentCategory.None) =>
            new(new EvalCase("q", expect, null, category), outcome, null, 1, [], new TriageResult(triaged, null));

        var report = Evaluator.Summarise(
        [
            Result("urgent", "clot", AnswerOutcome.Urgent, UrgentCategory.Clot),
            Result("urgent", "clot", AnswerOutcome.Urgent, UrgentCategory.Breathing),
            Result("urgent", "breathing", AnswerOutcome.Fallback),
            Result("urgent", null, AnswerOutcome.Urgent, UrgentCategory.Emergency),
            Result("side-effects", null, AnswerOutcome.Urgent, UrgentCategory.Bleeding),
            Result("fallback", null, AnswerOutcome.Fallback),
            Result("fallback", null, AnswerOutcome.Fallback),
            Result("side-effects", null, AnswerOutcome.Fallback),
        ]);

        Assert.Equal(4, report.Urgent);
        Assert.Equal(1, report.UrgentMissed);
        Assert.Equal(0.75, report.UrgentRecall);
        Assert.Equal(Math.Round(BinomialBounds.Upper(1, 4), 4), report.UrgentMissRateUpper95);
        Assert.Equal(4, report.NotUrgent);
        Assert.Equal(0.25, report.FalseAlarmRate);
        Assert.Equal(
            [new CategoryRecall("breathing", 1, 0, 0, 0), new CategoryRecall("clot", 2, 2, 1, 1)],
            report.UrgentByCategory);
    }

    [Fact]
    public void TheCategoryLabelIsReadFromTheJsonLine()
    {
        var cases = EvalCase.ParseLines("{\"q\": \"cant breathe\", \"expect\": \"urgent\", \"category\": \"breathing\"}\n{\"q\": \"a\", \"expect\": \"b\"}");
        Assert.Equal(["breathing", null], cases.Select(c => c.Category));
    }
}
