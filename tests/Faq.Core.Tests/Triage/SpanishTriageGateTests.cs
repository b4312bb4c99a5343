using Faq.Core.Answering;
using Faq.Core.Evaluation;
using Faq.Core.Triage;
using Faq.Tests.Shared;
using Xunit.Abstractions;

namespace Faq.Core.Tests.Triage;

/// <summary>The Spanish red-flag sets through the whole answering pipeline: every emergency caught, no everyday question
/// sent to the urgent reply, with the model and without it.</summary>
public sealed class SpanishTriageGateTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData("urgent.es.dev.jsonl", false)]
    [InlineData("urgent.es.dev.jsonl", true)]
    [InlineData("dry-needling.es.dev.jsonl", false)]
    public async Task EverySpanishEmergencyIsCaughtAndNoEverydayQuestionRaisesAnAlarm(string file, bool withoutModel)
    {
        var cases = EvalCase.ParseLines(await File.ReadAllTextAsync(TestData.Path("data", "eval", file)));
        var index = await Faq.Core.Tests.Languages.SpanishQualityGateTests.IndexAsync();
        var triage = withoutModel ? UrgentTriage.WithoutModel : new UrgentTriage(SharedEmbedder.Instance);
        var results = await Evaluator.RunAsync(new FaqAnswerer(new AnsweringOptions(), new ClinicProfile(), triage), index, cases);
        var report = Evaluator.Summarise(results);
        output.WriteLine(report.ToJson());
        var misses = string.Join("\n", results
            .Where(r => (r.Case.Expect == EvalCase.Urgent) != (r.Outcome == AnswerOutcome.Urgent))
            .Select(r => $"{r.Case.Expect} ({r.Case.Category}) <- {r.Outcome} {r.Triage?.CategoryId} {r.Triage?.Reason}: {r.Case.Question}"));
        output.WriteLine(misses);
        Assert.True(report.UrgentRecall == 1.0, misses);
        Assert.True(report.FalseAlarmRate == 0, misses);
        Assert.All(results.Where(r => r.Outcome == AnswerOutcome.Urgent), r => Assert.Equal("es", r.Language));
    }

    [Theory]
    [InlineData("ya no quiero vivir", "self-harm")]
    [InlineData("me cuesta mucho respirar desde la sesión", "breathing")]
    [InlineData("siento una presión fuerte en el pecho", "chest-cardiac")]
    [InlineData("se me adormeció la mitad de la cara de repente", "stroke")]
    [InlineData("la pantorrilla está hinchada, roja y caliente desde ayer", "clot")]
    public async Task SpanishRedFlagsGetTheUrgentReplyInSpanish(string message, string category)
    {
        var index = await Faq.Core.Tests.Languages.SpanishQualityGateTests.IndexAsync();
        var reply = await new FaqAnswerer(new AnsweringOptions(), new ClinicProfile()).AnswerAsync(index, message);
        Assert.Equal(AnswerOutcome.Urgent, reply.Outcome);
        Assert.Equal(category, reply.Triage.CategoryId);
        Assert.Equal("es", reply.Language);
        Assert.StartsWith("Esta es información general", reply.Disclaimer, StringComparison.Ordinal);
        Assert.Contains(category == "self-harm" ? "envíe un mensaje al 988" : "911", reply.Answer, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("tuve un infarto hace años, ¿puedo hacerme punción seca?")]
    [InlineData("¿la punción seca puede perforar un pulmón?")]
    [InlineData("sangré un poquito y paró al apretar")]
    [InlineData("esta fascitis me está matando")]
    [InlineData("la pantorrilla me quedó tensa pero no está hinchada ni nada")]
    public void EverydaySpanishQuestionsAreNotRedFlags(string message) =>
        Assert.Null(SpanishRedFlags.Assess(message));
}
