using System.CommandLine;
using System.Globalization;
using System.Text;
using Faq.Core.Answering;
using Faq.Core.Evaluation;
using Faq.Core.Matching;

namespace Faq.Cli;

/// <summary>
/// <c>faq calibrate labelled.jsonl [--faq file]</c>: fits the fusion weights to a clinic's own labelled questions
/// with the same code that produced the shipped weights, and prints them as the <c>Faq:Answering:Fusion</c>
/// settings to paste into the app's configuration.
/// </summary>
internal static class CalibrateCommand
{
    public static Command Create()
    {
        var questions = new Argument<FileInfo>("questions") { Description = "Labelled questions, one JSON object a line: {\"q\", \"expect\": id|fallback|urgent, \"accept\": [ids]}. Include questions the FAQ does not cover, labelled fallback." };
        var faq = new Option<FileInfo?>("--faq") { Description = "The FAQ file (default: the curated data/faq/dry-needling.json)." };
        var check = new Option<FileInfo?>("--check") { Description = "Held-out labelled questions to measure the fitted weights on (not used for fitting)." };
        var command = new Command("calibrate", "Fit the answer-confidence weights to labelled questions and print them as settings.") { questions, faq, check };
        command.SetAction(async (parse, cancellationToken) =>
        {
            if (await Pipeline.ReadCasesAsync(parse.GetValue(questions)!, cancellationToken) is not { } cases)
            {
                return 2;
            }

            if (cases.Count(c => c.InScope) < 20)
            {
                await Console.Error.WriteLineAsync("Calibration needs at least 20 questions labelled with an entry (a few hundred, with off-topic ones, is better).");
                return 2;
            }

            using var embedder = Pipeline.DefaultEmbedder(threads: Environment.ProcessorCount);
            var (index, _) = await Pipeline.LoadAsync(parse.GetValue(faq)?.FullName ?? Pipeline.DefaultFaqPath, embedder, cancellationToken);
            if (index.EmbeddingFailure is not null || index.EmbeddingModelId is null)
            {
                await Console.Error.WriteLineAsync("Calibration needs the embedding model; it is unavailable.");
                return 3;
            }

            var fusion = Calibration.Fit(
                await Calibration.CollectAsync(index, cases, cancellationToken: cancellationToken),
                await Calibration.CollectAsync(index, cases, keywordOnly: true, cancellationToken),
                index.EmbeddingModelId);
            Console.WriteLine(Settings(fusion));

            var answerer = new FaqAnswerer(new AnsweringOptions { Fusion = fusion }, new ClinicProfile());
            var fitted = Evaluator.Summarise(await Evaluator.RunAsync(answerer, index, cases, cancellationToken));
            await Console.Error.WriteLineAsync($"On the questions it was fitted to (optimistic): {Summary(fitted)}");
            if (parse.GetValue(check) is { } held)
            {
                var heldOut = EvalCase.ParseLines(await File.ReadAllTextAsync(held.FullName, cancellationToken));
                var report = Evaluator.Summarise(await Evaluator.RunAsync(answerer, index, heldOut, cancellationToken));
                await Console.Error.WriteLineAsync($"On {held.Name} (held out): {Summary(report)}");
            }

            return 0;
        });
        return command;
    }

    private static string Summary(EvalReport r) => string.Create(CultureInfo.InvariantCulture,
        $"right {r.Top1:P1}, wrong {r.WrongAnswerRate:P1}, clarify {r.ClarifyRate:P1}, off-topic falling back {r.OffTopicFallbackRate:P1}, MRR@5 {r.Mrr5:F3}");

    /// <summary>The weights as an appsettings.json fragment.</summary>
    internal static string Settings(Fusion fusion)
    {
        var json = new StringBuilder();
        json.Append("{ \"Faq\": { \"Answering\": { \"Fusion\": {\n");
        json.Append(CultureInfo.InvariantCulture, $"  \"ModelId\": \"{fusion.ModelId}\"");
        foreach (var (name, value) in Calibration.Weights(fusion))
        {
            json.Append(CultureInfo.InvariantCulture, $",\n  \"{name}\": {value}");
        }

        return json.Append("\n} } } }").ToString();
    }
}
