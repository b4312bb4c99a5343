using System.CommandLine;
using System.Globalization;
using Faq.Core.Evaluation;

namespace Faq.Cli;

/// <summary><c>faq eval-followups conversations.jsonl [--faq file] [--json]</c></summary>
internal static class EvalFollowUpsCommand
{
    public static Command Create()
    {
        var conversations = new Argument<FileInfo>("conversations") { Description = "Labelled conversations, one JSON object a line: {\"turns\": [{\"q\", \"expect\"}, …]}." };
        var faq = new Option<FileInfo?>("--faq") { Description = "The FAQ file (default: the curated data/faq/dry-needling.json)." };
        var json = new Option<bool>("--json") { Description = "Print one JSON line instead of the report." };
        var command = new Command("eval-followups", "Run labelled conversations as a session does (follow-ups read with the previous topic) and alone, and compare.")
        {
            conversations, faq, json,
        };

        command.SetAction(async (parse, cancellationToken) =>
        {
            var file = parse.GetValue(conversations)!;
            if (!file.Exists)
            {
                await Console.Error.WriteLineAsync($"No such file: {file.FullName}");
                return 2;
            }

            IReadOnlyList<FollowUpConversation> parsed;
            try
            {
                parsed = FollowUpConversation.ParseLines(await File.ReadAllTextAsync(file.FullName, cancellationToken));
            }
            catch (FormatException ex)
            {
                await Console.Error.WriteLineAsync($"{file.Name}: {ex.Message}");
                return 2;
            }

            using var embedder = Pipeline.DefaultEmbedder();
            var (index, answerer) = await Pipeline.LoadAsync(parse.GetValue(faq)?.FullName ?? Pipeline.DefaultFaqPath, embedder, cancellationToken);
            var (report, turns) = await FollowUpEvaluator.RunAsync(answerer, index, parsed, cancellationToken);
            if (parse.GetValue(json))
            {
                Console.WriteLine(report.ToJson());
                return 0;
            }

            static string P(int n, int of) => of == 0 ? "n/a" : ((double)n / of).ToString("P1", CultureInfo.InvariantCulture);
            Console.WriteLine($"Conversations: {report.Conversations}, later turns: {report.LaterTurns}, read with context: {report.FollowUps}");
            Console.WriteLine($"  later turns right  with context {P(report.Correct, report.LaterTurns),7}   alone {P(report.CorrectAlone, report.LaterTurns),7}");
            Console.WriteLine($"  later turns wrong  with context {P(report.WrongAnswers, report.LaterTurns),7}   alone {P(report.WrongAnswersAlone, report.LaterTurns),7}");
            Console.WriteLine();
            Console.WriteLine("Turns not as expected with context (expected ← with context / alone):");
            foreach (var (withContext, alone) in turns.Where(t => !t.WithContext.Correct))
            {
                Console.WriteLine($"  {withContext.Case.Expect} ← {Got(withContext)} / {Got(alone)}: {withContext.Case.Question}");
            }

            return 0;
        });
        return command;
    }

    private static string Got(EvalResult r) => r.FaqId ?? r.Outcome.ToString().ToLowerInvariant();
}
