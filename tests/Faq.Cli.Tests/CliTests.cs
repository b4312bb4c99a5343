using System.CommandLine;
using System.Text.Json;
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
        var root = new RootCommand { EvalCommand.Create(), BenchCommand.Create() };
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
        Assert.Equal(186, report.GetProperty("questions").GetInt32());
        Assert.InRange(report.GetProperty("top1").GetDouble(), 0.7, 1.0);
        Assert.Equal(1.0, report.GetProperty("urgentRecall").GetDouble());
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
        Assert.Equal(["faq-hybrid", "faq-keyword-only", "faq-embedding-only"], lines.Select(l => JsonDocument.Parse(l).RootElement.GetProperty("engine").GetString()));
        Assert.Equal(1.0, JsonDocument.Parse(lines[0]).RootElement.GetProperty("p1").GetDouble());
    }
}
