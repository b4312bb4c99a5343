using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Xml.Linq;
using Faq.Core.Analysis;
using Faq.Core.Answering;
using Faq.Core.Content;
using Faq.Core.Embeddings;
using Faq.Core.Evaluation;
using Faq.Core.Matching;

namespace Faq.Cli;

/// <summary>
/// <c>faq bench stackfaq stackExchange-FAQ.xml</c>: the public StackFAQ collection by the shared protocol — one
/// entry per thread (question title, first answer), every non-placeholder rephrasing as a query. <c>faq bench ranking
/// questions.jsonl</c>: the same measures on labelled questions (in-scope ones) against a FAQ file. Each runs the
/// shipped fusion and every signal alone (keyword, the sentence-embedding model on questions and on answers, and
/// the hashed n-gram embedder the model replaced), one JSON line per configuration. The fusion runs first, so its
/// latency includes the model on every (new) query; the configurations after it reuse the cached query vectors.
/// </summary>
internal static class BenchCommand
{
    public static Command Create()
    {
        var file = new Argument<FileInfo>("xml") { Description = "stackExchange-FAQ.xml" };
        var stackfaq = new Command("stackfaq", "StackFAQ: P@1, MRR@10, Recall@5 and query latency.") { file };
        stackfaq.SetAction(async (parse, cancellationToken) =>
        {
            var path = parse.GetValue(file)!;
            if (!path.Exists)
            {
                await Console.Error.WriteLineAsync($"No such file: {path.FullName}");
                return 2;
            }

            var (entries, queries) = LoadStackFaq(path.FullName);
            await RunAsync(entries, queries, cancellationToken);
            return 0;
        });

        var labelled = new Argument<FileInfo>("questions") { Description = "Labelled questions (JSON Lines); in-scope ones are ranked." };
        var faq = new Option<FileInfo?>("--faq") { Description = "The FAQ file (default: the curated data/faq/dry-needling.json)." };
        var ranking = new Command("ranking", "Ranking quality of each signal and of the fusion on labelled questions.") { labelled, faq };
        ranking.SetAction(async (parse, cancellationToken) =>
        {
            var path = parse.GetValue(labelled)!;
            if (!path.Exists)
            {
                await Console.Error.WriteLineAsync($"No such file: {path.FullName}");
                return 2;
            }

            var entries = await Pipeline.ReadFaqAsync(parse.GetValue(faq)?.FullName ?? Pipeline.DefaultFaqPath, cancellationToken);
            var cases = EvalCase.ParseLines(await File.ReadAllTextAsync(path.FullName, cancellationToken)).Where(c => c.InScope);
            await RunAsync(entries, [.. cases.Select(c => (c.Question, c.Expect))], cancellationToken);
            return 0;
        });
        return new Command("bench", "Ranking benchmarks.") { stackfaq, ranking };
    }

    private static async Task RunAsync(IReadOnlyList<FaqEntry> entries, List<(string Query, string Gold)> queries, CancellationToken cancellationToken)
    {
        var keyword = new AnsweringOptions().Keyword;
        using var model = Pipeline.DefaultEmbedder();
        var index = await FaqIndex.BuildAsync(entries, TextAnalyzer.Default, model, keyword, null, cancellationToken);
        using var hashed = new HashedNgramEmbeddingGenerator(TextAnalyzer.Default);
        var hashedIndex = await FaqIndex.BuildAsync(entries, TextAnalyzer.Default, hashed, keyword, null, cancellationToken);
        // Weights with no model id apply to any index: each configuration weighs one signal.
        foreach (var (name, configured, fusion) in new[]
        {
            ("faq-fusion", index, new Fusion()),
            ("keyword", index, new Fusion { ModelId = string.Empty, Bias = 0, KeywordWeight = 1, EmbeddingWeight = 0, AnswerWeight = 0 }),
            ("minilm-questions", index, new Fusion { ModelId = string.Empty, Bias = 0, KeywordWeight = 0, EmbeddingWeight = 1, AnswerWeight = 0 }),
            ("minilm-answers", index, new Fusion { ModelId = string.Empty, Bias = 0, KeywordWeight = 0, EmbeddingWeight = 0, AnswerWeight = 1 }),
            ("hashed-ngrams", hashedIndex, new Fusion { ModelId = string.Empty, Bias = 0, KeywordWeight = 0, EmbeddingWeight = 1, AnswerWeight = 0 }),
        })
        {
            Console.WriteLine(await MeasureAsync(name, configured, fusion, queries, cancellationToken));
        }
    }

    internal static (List<FaqEntry> Entries, List<(string Query, string Gold)> Queries) LoadStackFaq(string path)
    {
        var entries = new List<FaqEntry>();
        var queries = new List<(string, string)>();
        var pairs = XDocument.Load(path).Root!.Elements("qapair").ToList();
        for (var i = 0; i < pairs.Count; i++)
        {
            var id = i.ToString(CultureInfo.InvariantCulture);
            var question = pairs[i].Element("question")?.Value.Trim() ?? string.Empty;
            var answer = pairs[i].Elements("answer").FirstOrDefault()?.Value.Trim() ?? string.Empty;
            entries.Add(new FaqEntry(id, question, [], answer, [], []));
            foreach (var rephrasing in pairs[i].Elements("rephr").Select(r => r.Value.Trim()).Where(r => r.Length > 0 && r != "*"))
            {
                queries.Add((rephrasing, id));
            }
        }

        return (entries, queries);
    }

    internal static async Task<string> MeasureAsync(string name, FaqIndex index, Fusion fusion, List<(string Query, string Gold)> queries, CancellationToken cancellationToken)
    {
        // Warm up (JIT) on text no query uses, so the queries' own vectors stay uncached.
        for (var i = 0; i < 20; i++)
        {
            await index.SearchAsync($"warm up {i}", 10, fusion, cancellationToken);
        }

        double p1 = 0, mrr = 0, r5 = 0;
        var latencies = new double[queries.Count];
        for (var q = 0; q < queries.Count; q++)
        {
            var started = Stopwatch.GetTimestamp();
            var result = await index.SearchAsync(queries[q].Query, 10, fusion, cancellationToken);
            latencies[q] = Stopwatch.GetElapsedTime(started).TotalMicroseconds;
            var rank = -1;
            for (var k = 0; k < result.Candidates.Count; k++)
            {
                if (result.Candidates[k].Entry.Id == queries[q].Gold)
                {
                    rank = k;
                    break;
                }
            }

            if (rank == 0)
            {
                p1++;
            }

            if (rank >= 0)
            {
                mrr += 1.0 / (rank + 1);
                r5 += rank < 5 ? 1 : 0;
            }
        }

        Array.Sort(latencies);
        var n = queries.Count;
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("engine", name);
            writer.WriteNumber("queries", n);
            writer.WriteNumber("p1", Math.Round(p1 / n, 4));
            writer.WriteNumber("mrr10", Math.Round(mrr / n, 4));
            writer.WriteNumber("r5", Math.Round(r5 / n, 4));
            writer.WriteNumber("p50_us", Math.Round(latencies[n / 2], 1));
            writer.WriteNumber("p99_us", Math.Round(latencies[(int)(n * 0.99)], 1));
            writer.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }
}
