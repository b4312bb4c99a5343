using Faq.Core.Answering;
using Faq.Core.Evaluation;
using Faq.Core.Languages;
using Faq.Core.Matching;
using Faq.Core.Triage;
using Faq.Tests.Shared;
using Xunit.Abstractions;

namespace Faq.Core.Tests.Languages;

/// <summary>
/// The answering pipeline with its shipped defaults on the Spanish question sets in data/eval, as the English ones are
/// gated in <c>DevSetQualityGateTests</c>: the floors sit a little under the measured figures (README, "Languages").
/// </summary>
public sealed class SpanishQualityGateTests(ITestOutputHelper output)
{
    internal static async Task<FaqIndex> IndexAsync() =>
        await LocalizedIndex.AttachAsync(await TestData.IndexAsync(TestData.CuratedEntriesWithSpanish()), SharedEmbedder.Instance);

    [Theory]
    [InlineData("dry-needling.es.dev.jsonl")]
    public async Task SpanishQuestionsAreAnsweredInSpanishWithinTheFloors(string file)
    {
        var cases = EvalCase.ParseLines(await File.ReadAllTextAsync(TestData.Path("data", "eval", file)));
        var index = await IndexAsync();
        var answerer = new FaqAnswerer(new AnsweringOptions(), new ClinicProfile(), new UrgentTriage(SharedEmbedder.Instance));
        var results = await Evaluator.RunAsync(answerer, index, cases);
        var report = Evaluator.Summarise(results);
        output.WriteLine($"{file}: {report.ToJson()}");
        var failures = string.Join("\n", results.Where(r => !r.Correct).Select(r => $"{r.Case.Expect} <- {r.Outcome} {r.FaqId}: {r.Case.Question}"));
        output.WriteLine(failures);

        Assert.All(results.Where(r => r.Case.Expect != EvalCase.Urgent), r => Assert.Equal("es", r.Language));
        Assert.True(report.WrongAnswerRate <= 0.07, $"{report.ToJson()}\n{failures}");
        Assert.True(report.Top1 >= 0.52, $"{report.ToJson()}\n{failures}");
        Assert.True(report.OffTopicFallbackRate >= 0.8, $"{report.ToJson()}\n{failures}");
    }

    [Fact]
    public async Task TheShippedSpanishFusionWeightsAreTheFitOnTheSpanishDevSet()
    {
        // LanguageOptions.SpanishDefaults' fusion comes from Calibration.Fit on the Spanish index and
        // data/eval/dry-needling.es.dev.jsonl. When the Spanish analysis, content or dev set changes, refit and paste.
        var cases = EvalCase.ParseLines(await File.ReadAllTextAsync(TestData.Path("data", "eval", "dry-needling.es.dev.jsonl")));
        var spanish = (await IndexAsync()).ForLanguage("es")!;
        var fitted = Calibration.Fit(await Calibration.CollectAsync(spanish, cases), await Calibration.CollectAsync(spanish, cases, keywordOnly: true), spanish.EmbeddingModelId!);
        var shipped = LanguageOptions.SpanishDefaults().Fusion;
        var printed = string.Join(" ", Calibration.Weights(fitted).Select(w => $"{w.Name}={w.Value}"));
        output.WriteLine(printed);
        Assert.Equal(shipped.ModelId, fitted.ModelId);
        Assert.True(Calibration.Weights(shipped).Zip(Calibration.Weights(fitted)).All(p => Math.Abs(p.First.Value - p.Second.Value) < 0.002), printed);
    }
}
