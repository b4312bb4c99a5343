using System.CommandLine;
using System.Text.Json;
using Faq.Core.Content;
using Faq.Core.Matching;

namespace Faq.Cli.Tests;

/// <summary>Runs the commands in-process; console output is captured, so these tests do not run in parallel.</summary>
[CollectionDefinition(nameof(ConsoleCollection), DisableParallelization = true)]
public sealed class ConsoleCollection;

[Collection(nameof(ConsoleCollection))]
public sealed class CliTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "faq-cli-tests", Guid.NewGuid().ToString("N"));

    public CliTests() => Directory.CreateDirectory(_folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static async Task<(int Code, string Out, string Error)> Run(params string[] args)
    {
        var root = CliRoot.Create();
        var output = new StringWriter();
        var error = new StringWriter();
        var (oldOut, oldError) = (Console.Out, Console.Error);
        Console.SetOut(output);
        Console.SetError(error);
        try
        {
            var code = await root.Parse(args).InvokeAsync();
            return (code, output.ToString(), error.ToString());
        }
        finally
        {
            Console.SetOut(oldOut);
            Console.SetError(oldError);
        }
    }

    private static string DevSet => Path.Combine(AppContext.BaseDirectory, "data", "eval", "dry-needling.dev.jsonl");

    [Fact]
    public async Task EvalPrintsOneJsonLineWithTheMetrics()
    {
        var (code, output, _) = await Run("eval", DevSet, "--json");
        Assert.Equal(0, code);
        var report = JsonDocument.Parse(output).RootElement;
        Assert.Equal(File.ReadLines(DevSet).Count(l => l.Trim().Length > 0), report.GetProperty("questions").GetInt32());
        Assert.InRange(report.GetProperty("top1").GetDouble(), 0.7, 1.0);
        Assert.Equal(1.0, report.GetProperty("urgentRecall").GetDouble());
        Assert.Equal(0.0, report.GetProperty("falseAlarmRate").GetDouble());
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task EvalReportsUrgentRecallPerCategoryWithTheMissRateBoundAndFalseAlarms(bool withoutModel)
    {
        var set = Path.Combine(AppContext.BaseDirectory, "data", "eval", "urgent.dev.jsonl");
        var (code, output, _) = await Run(withoutModel ? ["eval", set, "--json", "--triage-without-model"] : ["eval", set, "--json"]);
        Assert.Equal(0, code);
        var report = JsonDocument.Parse(output).RootElement;
        Assert.Equal(1.0, report.GetProperty("urgentRecall").GetDouble());
        Assert.Equal(0, report.GetProperty("urgentMissed").GetInt32());
        Assert.InRange(report.GetProperty("urgentMissRateUpper95").GetDouble(), 0.01, 0.05);
        Assert.InRange(report.GetProperty("falseAlarmRate").GetDouble(), 0, withoutModel ? 0.05 : 0);
        var categories = report.GetProperty("urgentByCategory").EnumerateArray().ToList();
        Assert.Equal(12, categories.Count);
        Assert.Equal("breathing", categories[0].GetProperty("category").GetString());
        Assert.All(categories, c => Assert.Equal(1.0, c.GetProperty("recall").GetDouble()));

        (code, output, _) = await Run("eval", set, "--max-false-alarms", "0");
        Assert.Equal(0, code);
        Assert.Contains("miss rate at most 3.4 %, upper 95 % Clopper-Pearson", output, StringComparison.Ordinal);
        Assert.Contains("self-harm", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EvalFailsWhenAThresholdIsNotMet()
    {
        var (code, output, error) = await Run("eval", DevSet, "--min-top1", "0.99", "--max-wrong", "0.5");
        Assert.Equal(1, code);
        Assert.Contains("top-1 is", error, StringComparison.Ordinal);
        Assert.DoesNotContain("wrong-answer rate is", error, StringComparison.Ordinal);
        Assert.Contains("Not as expected", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RatesWithNothingToMeasureAreReportedAsNotAvailableNotAsPerfect()
    {
        var inScopeOnly = Path.Combine(_folder, "in-scope.jsonl");
        await File.WriteAllTextAsync(inScopeOnly, "{\"q\": \"Does dry needling hurt?\", \"expect\": \"is-it-painful\"}\n");

        var (code, output, _) = await Run("eval", inScopeOnly, "--json");
        Assert.Equal(0, code);
        var report = JsonDocument.Parse(output).RootElement;
        Assert.Equal(1.0, report.GetProperty("top1").GetDouble());
        Assert.Equal(JsonValueKind.Null, report.GetProperty("offTopicAnsweredRate").ValueKind);
        Assert.Equal(JsonValueKind.Null, report.GetProperty("urgentRecall").ValueKind);

        (_, output, _) = await Run("eval", inScopeOnly);
        Assert.Contains("off-topic falling back           n/a (answered: n/a)", output, StringComparison.Ordinal);

        var (failed, _, error) = await Run("eval", inScopeOnly, "--min-urgent-recall", "1");
        Assert.Equal(1, failed);
        Assert.Contains("urgent recall cannot be measured", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EvalRejectsAMissingOrMalformedFile()
    {
        Assert.Equal(2, (await Run("eval", Path.Combine(_folder, "nope.jsonl"))).Code);
        var bad = Path.Combine(_folder, "bad.jsonl");
        await File.WriteAllTextAsync(bad, "{\"q\": \"no label\"}\n");
        var (code, _, error) = await Run("eval", bad);
        Assert.Equal(2, code);
        Assert.Contains("Line 1", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheStackFaqBenchmarkFollowsTheProtocol()
    {
        var xml = Path.Combine(_folder, "tiny.xml");
        await File.WriteAllTextAsync(xml, """
            <root>
            <qapair><rephr>How do I delete my facebook account?</rephr><rephr>*</rephr><rephr>remove fb account</rephr>
              <question>How do I delete my Facebook account?</question><answer>Use the delete page.</answer><answer>Second answer.</answer></qapair>
            <qapair><rephr>strikethrough text on github</rephr>
              <question>Strikethrough with GitHub Markdown</question><answer>Use tildes.</answer></qapair>
            </root>
            """);
        var (entries, queries) = BenchCommand.LoadStackFaq(xml);
        Assert.Equal(2, entries.Count);
        Assert.Equal("Use the delete page.", entries[0].Answer);
        Assert.Empty(entries[0].Alternates);
        Assert.Equal(3, queries.Count);

        var (code, output, _) = await Run("bench", "stackfaq", xml);
        Assert.Equal(0, code);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(["faq-fusion", "keyword", "minilm-questions", "minilm-answers", "hashed-ngrams"], lines.Select(l => JsonDocument.Parse(l).RootElement.GetProperty("engine").GetString()));
        Assert.Equal(1.0, JsonDocument.Parse(lines[0]).RootElement.GetProperty("p1").GetDouble());
    }

    [Fact]
    public async Task CalibratePrintsSettingsForTheModelAndMeasuresAHeldOutFile()
    {
        var (code, output, error) = await Run("calibrate", DevSet, "--check", DevSet.Replace("dev.jsonl", "test.jsonl", StringComparison.Ordinal));
        Assert.True(code == 0, error);
        var fusion = JsonDocument.Parse(output).RootElement.GetProperty("Faq").GetProperty("Answering").GetProperty("Fusion");
        Assert.Equal("all-MiniLM-L6-v2", fusion.GetProperty("ModelId").GetString());
        // The same code as the shipped weights, on the same file: the same weights.
        Assert.Equal(new Faq.Core.Matching.Fusion().EmbeddingWeight, fusion.GetProperty("EmbeddingWeight").GetDouble(), 3);
        Assert.Contains("(held out): right", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CalibrateRefusesTooFewLabelledQuestions()
    {
        var few = Path.Combine(_folder, "few.jsonl");
        await File.WriteAllTextAsync(few, "{\"q\": \"Does dry needling hurt?\", \"expect\": \"is-it-painful\"}\n");
        var (code, _, error) = await Run("calibrate", few);
        Assert.Equal(2, code);
        Assert.Contains("at least 20", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RankingBenchmarkReportsEverySignalOnLabelledQuestions()
    {
        var (code, output, error) = await Run("bench", "ranking", DevSet);
        Assert.True(code == 0, error);
        var results = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(5, results.Count);
        var fusion = results.Single(r => r.GetProperty("engine").GetString() == "faq-fusion").GetProperty("p1").GetDouble();
        Assert.All(results, r => Assert.True(r.GetProperty("p1").GetDouble() <= fusion, "the fusion ranks at least as well as any signal alone"));
    }

    private string Store => Path.Combine(_folder, "store");

    private static string CuratedFaq => Path.Combine(AppContext.BaseDirectory, "data", "faq", "dry-needling.json");

    private Task<(int Code, string Out, string Error)> RunOnStore(params string[] args) =>
        Run([.. args, "--store", "File", "--path", Store, "--tenant", "cli-test"]);

    [Fact]
    public async Task ImportWritesTheCuratedFaqAndExportGivesItBack()
    {
        var (code, output, _) = await RunOnStore("import", CuratedFaq);
        Assert.Equal(0, code);
        Assert.Contains("Imported: 23 new, 0 updated, 0 unchanged, 0 rejected.", output, StringComparison.Ordinal);

        var again = await RunOnStore("import", CuratedFaq, "--json");
        Assert.Equal(0, again.Code);
        var summary = JsonDocument.Parse(again.Out).RootElement.GetProperty("summary");
        Assert.Equal(23, summary.GetProperty("unchanged").GetInt32());

        var exported = Path.Combine(_folder, "out.json");
        Assert.Equal(0, (await RunOnStore("export", "--output", exported)).Code);
        var original = FaqSet.Parse(await File.ReadAllTextAsync(CuratedFaq));
        var roundTrip = FaqSet.Parse(await File.ReadAllTextAsync(exported));
        Assert.Equal(original.Select(e => e.Id).Order(), roundTrip.Select(e => e.Id).Order());
        Assert.All(roundTrip, e => Assert.True(e.HasSameContent(original.Single(o => o.Id == e.Id))));
    }

    [Fact]
    public async Task ARejectedRowStopsTheWholeImportAndNamesTheProblem()
    {
        var csv = Path.Combine(_folder, "faq.csv");
        await File.WriteAllTextAsync(csv, """
            id,question,alternates,answer,tags,related
            good-one,Can I swim after dry needling?,,Yes after a few hours.,,
            Bad Id,Does it hurt?,,Sometimes.,,
            """);

        var (code, output, _) = await RunOnStore("import", csv);
        var export = await RunOnStore("export", "--format", "csv");

        Assert.Equal(1, code);
        Assert.Contains("row 2 (Bad Id), id:", output, StringComparison.Ordinal);
        Assert.Contains("lowercase slug", output, StringComparison.Ordinal);
        Assert.Contains("Nothing was written", output, StringComparison.Ordinal);
        Assert.DoesNotContain("good-one", export.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ADryRunShowsThePlanAndWritesNothing()
    {
        var (code, output, _) = await RunOnStore("import", CuratedFaq, "--dry-run");
        var export = await RunOnStore("export");

        Assert.Equal(0, code);
        Assert.Contains("Would import: 23 new", output, StringComparison.Ordinal);
        Assert.Empty(FaqSet.Parse(export.Out));
    }

    [Fact]
    public async Task ALongImportIsWrittenWholeAndSavesVectorsForTheApp()
    {
        var entries = Enumerable.Range(1, 40).Select(i => new FaqEntry(
            $"topic-{i}", $"Question number {i} about recovery {Words(i)}?", [], $"Answer {i}.", [], [])).ToList();
        var file = Path.Combine(_folder, "many.json");
        await using (var stream = File.Create(file))
        {
            await FaqSet.WriteAsync(stream, entries);
        }

        var (code, output, _) = await RunOnStore("import", file);
        var store = Faq.Storage.FaqStores.File(Store, "cli-test");
        var stored = await store.ListAsync();

        Assert.Equal(0, code);
        Assert.Contains("Imported: 40 new", output, StringComparison.Ordinal);
        Assert.Equal(40, stored.Count);
        Assert.All(stored, e => Assert.NotNull(e.Vectors));
    }

    private static string Words(int i) => string.Join(' ', new[] { "calf", "heel", "arch", "tendon", "knee", "hip" }.Where((_, k) => ((i >> k) & 1) == 1));

    [Fact]
    public async Task BadStoreSettingsAndUnreadableFilesAreReportedNotThrown()
    {
        Assert.Equal(2, (await Run("import", CuratedFaq, "--store", "Cloud")).Code);
        Assert.Equal(2, (await Run("export", "--store", "Tables")).Code);
        var broken = Path.Combine(_folder, "broken.json");
        await File.WriteAllTextAsync(broken, "{ not json");
        var (code, _, error) = await RunOnStore("import", broken);
        Assert.Equal(2, code);
        Assert.Contains("could not be read", error, StringComparison.Ordinal);
    }
}
