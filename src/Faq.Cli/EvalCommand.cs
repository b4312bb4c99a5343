using System.CommandLine;
using System.Globalization;
using Faq.Core.Evaluation;

namespace Faq.Cli;

/// <summary><c>faq eval questions.jsonl [--faq file] [--json] [--min-top1 x] …</c></summary>
internal static class EvalCommand
{
    public static Command Create()
    {
        var questions = new Argument<FileInfo>("questions") { Description = "Labelled questions, one JSON object a line: {\"q\", \"expect\": id|fallback|urgent, \"accept\": [ids]}." };
        var faq = new Option<FileInfo?>("--faq") { Description = "The FAQ file (default: the curated data/faq/dry-needling.json)." };
        var json = new Option<bool>("--json") { Description = "Print one JSON line instead of the report." };
        var minTop1 = new Option<double?>("--min-top1") { Description = "Fail unless in-scope top-1 accuracy is at least this." };
        var maxWrong = new Option<double?>("--max-wrong") { Description = "Fail if the wrong-answer rate is above this." };
        var minFallback = new Option<double?>("--min-offtopic-fallback") { Description = "Fail unless this share of off-topic questions falls back." };
        var minUrgent = new Option<double?>("--min-urgent-recall") { Description = "Fail unless this share of urgent messages is triaged as urgent." };
        var maxFalseAlarms = new Option<double?>("--max-false-alarms") { Description = "Fail if more than this share of questions not labelled urgent get the urgent reply." };
        var withoutModel = new Option<bool>("--triage-without-model") { Description = "Triage as the app does while the embedding model is unavailable (its model-free layer); matching still uses the model." };
        var language = new Option<string?>("--language") { Description = "The page's language as a hint (en, es), as the widget sends it; each question's own words decide when clear. Default: none." };
        var command = new Command("eval", "Run labelled questions through the real answering pipeline and report its quality, per reply language too.")
        {
            questions, faq, json, minTop1, maxWrong, minFallback, minUrgent, maxFalseAlarms, withoutModel, language,
        };

        command.SetAction(async (parse, cancellationToken) =>
        {
            if (await Pipeline.ReadCasesAsync(parse.GetValue(questions)!, cancellationToken) is not { } cases)
            {
                return 2;
            }

            using var embedder = Pipeline.DefaultEmbedder();
            var (index, answerer) = await Pipeline.LoadAsync(
                parse.GetValue(faq)?.FullName ?? Pipeline.DefaultFaqPath, embedder, cancellationToken, parse.GetValue(withoutModel));
            var results = await Evaluator.RunAsync(answerer, index, cases, Faq.Core.Languages.FaqLanguages.Normalize(parse.GetValue(language)), cancellationToken);
            var report = Evaluator.Summarise(results);

            if (parse.GetValue(json))
            {
                Console.WriteLine(report.ToJson());
            }
            else
            {
                Print(report, results);
            }

            var failures = new List<string>();
            Check(failures, "top-1", report.Top1, parse.GetValue(minTop1), atLeast: true);
            Check(failures, "wrong-answer rate", report.WrongAnswerRate, parse.GetValue(maxWrong), atLeast: false);
            Check(failures, "off-topic fallback", report.OffTopicFallbackRate, parse.GetValue(minFallback), atLeast: true);
            Check(failures, "urgent recall", report.UrgentRecall, parse.GetValue(minUrgent), atLeast: true);
            Check(failures, "false-alarm rate", report.FalseAlarmRate, parse.GetValue(maxFalseAlarms), atLeast: false);
            foreach (var failure in failures)
            {
                await Console.Error.WriteLineAsync("Threshold not met: " + failure);
            }

            return failures.Count == 0 ? 0 : 1;
        });
        return command;
    }

    private static void Check(List<string> failures, string name, double? value, double? threshold, bool atLeast)
    {
        if (threshold is not { } t)
        {
            return;
        }

        if (value is null)
        {
            failures.Add($"{name} cannot be measured: the file has no question it applies to");
        }
        else if (atLeast ? value < t : value > t)
        {
            failures.Add(string.Create(CultureInfo.InvariantCulture, $"{name} is {value:F3}, {(atLeast ? "needs at least" : "must be at most")} {t:F3}"));
        }
    }

    private static void Print(EvalReport r, IReadOnlyList<EvalResult> results)
    {
        static string P(double? v) => v is { } rate ? rate.ToString("P1", CultureInfo.InvariantCulture) : "n/a";
        Console.WriteLine($"Questions: {r.Questions} ({r.InScope} in scope, {r.OffTopic} off-topic, {r.Urgent} urgent)");
        Console.WriteLine($"  in-scope answered right (top-1)  {P(r.Top1)}");
        Console.WriteLine($"  in-scope answered wrong          {P(r.WrongAnswerRate)}");
        Console.WriteLine($"  in-scope clarify / fallback      {P(r.ClarifyRate)} / {P(r.InScopeFallbackRate)}");
        Console.WriteLine($"  off-topic falling back           {P(r.OffTopicFallbackRate)} (answered: {P(r.OffTopicAnsweredRate)})");
        Console.WriteLine($"  fallback precision               {P(r.FallbackPrecision)}");
        Console.WriteLine($"  urgent recall / precision        {P(r.UrgentRecall)} / {P(r.UrgentPrecision)}");
        if (r.Urgent > 0)
        {
            Console.WriteLine($"  urgent missed                    {r.UrgentMissed} of {r.Urgent} (miss rate at most {P(r.UrgentMissRateUpper95)}, upper 95 % Clopper-Pearson)");
        }

        Console.WriteLine($"  false alarms (not urgent → urgent) {P(r.FalseAlarmRate)} of {r.NotUrgent}");
        foreach (var c in r.UrgentByCategory ?? [])
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"    {c.Category,-18} {c.Caught,3} / {c.Urgent,-3} {P(c.Recall),7}   same category {c.SameCategory}"));
        }

        Console.WriteLine($"  MRR@5 (in scope)                 {(r.Mrr5 is { } mrr ? mrr.ToString("F3", CultureInfo.InvariantCulture) : "n/a")}");
        foreach (var language in r.ByLanguage ?? [])
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  replied in {language.Language}: {language.Questions,4} questions, {language.Correct} as labelled"));
        }
        var misses = results.Where(x => !x.Correct).ToList();
        if (misses.Count == 0)
        {
            return;
        }

        Console.WriteLine();
        Console.WriteLine("Not as expected (expected ← got):");
        foreach (var m in misses)
        {
            var got = m.FaqId ?? m.Outcome.ToString().ToLowerInvariant();
            if (m.Triage is { IsUrgent: true } triage)
            {
                got += $" ({triage.CategoryId}: {triage.Reason})";
            }

            var best = m.CandidateIds.Count > 0 ? $" [best candidate: {m.CandidateIds[0]}, confidence {m.Confidence.ToString("F2", CultureInfo.InvariantCulture)}]" : string.Empty;
            var expected = m.Case.Category is { } category ? $"{m.Case.Expect} ({category})" : m.Case.Expect;
            Console.WriteLine($"  {expected} ← {got}{best}: {m.Case.Question}");
        }
    }
}
