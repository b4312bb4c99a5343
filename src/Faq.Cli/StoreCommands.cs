using System.CommandLine;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Azure.Identity;
using Faq.Core.Analysis;
using Faq.Core.Content;
using Faq.Core.Editing;
using Faq.Core.Embeddings;
using Faq.Core.Storage;
using Faq.Storage;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging.Abstractions;
using Spectre.Console;

namespace Faq.Cli;

/// <summary>
/// <c>faq import</c> and <c>faq export</c> against the configured store: the same store settings as the app
/// (<c>Faq__Store</c>, <c>Faq__File__Path</c>, <c>Faq__Tables__ConnectionString</c>, <c>Faq__Tables__Endpoint</c>,
/// <c>Faq__Tenant</c> in the environment, or the options below) and the same import rules as the admin API.
/// </summary>
internal static class StoreCommands
{
    /// <summary>Imports writing more rows than this show a progress bar.</summary>
    public const int ProgressThreshold = 20;

    private sealed record StoreSettings(Option<string?> Store, Option<string?> Path, Option<string?> ConnectionString, Option<string?> Endpoint, Option<string?> Tenant)
    {
        public static StoreSettings Create() => new(
            new Option<string?>("--store") { Description = "File or Tables (default: Faq__Store, else File)." },
            new Option<string?>("--path") { Description = "File store folder (default: Faq__File__Path, else the app's default folder)." },
            new Option<string?>("--tables-connection-string") { Description = "Table Storage connection string (default: Faq__Tables__ConnectionString)." },
            new Option<string?>("--tables-endpoint") { Description = "Table endpoint for Entra ID sign-in (default: Faq__Tables__Endpoint)." },
            new Option<string?>("--tenant") { Description = "The clinic's partition (default: Faq__Tenant, else default)." });

        public void AddTo(Command command)
        {
            command.Options.Add(Store);
            command.Options.Add(Path);
            command.Options.Add(ConnectionString);
            command.Options.Add(Endpoint);
            command.Options.Add(Tenant);
        }

        /// <summary>The store, or null after telling the user what is wrong with the settings.</summary>
        public async Task<ResilientFaqStore?> TryOpenAsync(ParseResult parse)
        {
            try
            {
                return Open(parse);
            }
            catch (Exception ex) when (ex is ArgumentException or FormatException)
            {
                await Console.Error.WriteLineAsync(ex.Message);
                return null;
            }
        }

        /// <summary>The store the app would use with these settings, behind the same resilience pipeline.</summary>
        private ResilientFaqStore Open(ParseResult parse)
        {
            string? Value(Option<string?> option, string variable) =>
                parse.GetValue(option) is { Length: > 0 } given ? given : Environment.GetEnvironmentVariable(variable) is { Length: > 0 } env ? env : null;

            var name = Value(Store, "Faq__Store") ?? nameof(StoreKind.File);
            if (!Enum.TryParse<StoreKind>(name, ignoreCase: true, out var kind) || !Enum.IsDefined(kind))
            {
                throw new ArgumentException($"--store must be File or Tables, not '{name}'.");
            }

            var endpoint = Value(Endpoint, "Faq__Tables__Endpoint");
            Uri? endpointUri = null;
            if (endpoint is not null && !Uri.TryCreate(endpoint, UriKind.Absolute, out endpointUri))
            {
                throw new ArgumentException($"--tables-endpoint '{endpoint}' is not an absolute URL.");
            }

            var location = new FaqStoreLocation(
                kind,
                Value(Path, "Faq__File__Path") ?? FaqStores.DefaultFilePath(),
                Value(ConnectionString, "Faq__Tables__ConnectionString"),
                endpointUri,
                Value(Tenant, "Faq__Tenant") ?? "default");
            var store = location.OpenEntries(() => new DefaultAzureCredential());
            return new ResilientFaqStore(store, new StoreResilienceOptions());
        }
    }

    public static Command CreateImport()
    {
        var file = new Argument<FileInfo>("file") { Description = "The FAQ to import: the data/faq JSON format (.json) or CSV (.csv: id, question, alternates, answer, tags, related)." };
        var dryRun = new Option<bool>("--dry-run") { Description = "Only show what the import would do." };
        var json = new Option<bool>("--json") { Description = "Print the report as JSON." };
        var editor = new Option<string>("--editor") { Description = "Name recorded as the editor of the changes.", DefaultValueFactory = _ => Environment.UserName is { Length: > 0 } user ? "cli:" + user : "cli" };
        var noVectors = new Option<bool>("--no-vectors") { Description = "Save without embedding vectors (the app embeds what lacks them on its next load) instead of embedding with the app's model here." };
        var settings = StoreSettings.Create();
        var command = new Command("import", "Import FAQ entries into the configured store. Every row is checked first; nothing is written unless all rows are valid.")
        {
            file, dryRun, json, editor, noVectors,
        };
        settings.AddTo(command);

        command.SetAction(async (parse, cancellationToken) =>
        {
            var source = parse.GetValue(file)!;
            if (!source.Exists)
            {
                await Console.Error.WriteLineAsync($"No such file: {source.FullName}");
                return 2;
            }

            IReadOnlyList<ImportRow> rows;
            try
            {
                var text = await File.ReadAllTextAsync(source.FullName, Encoding.UTF8, cancellationToken);
                rows = FaqFormats.ReadRows(text, source.Extension.Equals(".csv", StringComparison.OrdinalIgnoreCase) ? FaqFormat.Csv : FaqFormat.Json);
            }
            catch (FormatException ex)
            {
                await Console.Error.WriteLineAsync($"{source.Name} could not be read: {ex.Message}");
                return 2;
            }

            if (await settings.TryOpenAsync(parse) is not { } store)
            {
                return 2;
            }

            // The same editing service as the app: the same rules, the same all-or-nothing writes.
            var apply = !parse.GetValue(dryRun);
            using var generator = apply && !parse.GetValue(noVectors) ? Pipeline.DefaultEmbedder() : null;
            using var editing = new EditingService(store, generator, NullLogger<EditingService>.Instance);
            ImportReport report;
            try
            {
                report = await ImportAsync(editing, rows, apply, parse.GetValue(editor)!, cancellationToken);
            }
            catch (Exception ex) when (ex is FaqConcurrencyException or FaqEntryExistsException or FaqEntryNotFoundException)
            {
                await Console.Error.WriteLineAsync($"The FAQ changed while importing; nothing was applied. {ex.Message} Run the import again.");
                return 3;
            }
            catch (FaqStoreUnavailableException ex)
            {
                await Console.Error.WriteLineAsync($"The store failed while importing; rows already written were undone. {ex.Message}");
                return 3;
            }

            Report(report, parse.GetValue(json));
            return report.Summary.Rejected > 0 ? 1 : 0;
        });
        return command;
    }

    // A progress bar (on standard error, so reports on standard output stay clean) for long imports only.
    private static async Task<ImportReport> ImportAsync(EditingService editing, IReadOnlyList<ImportRow> rows, bool apply, string user, CancellationToken cancellationToken)
    {
        var preview = await editing.ImportAsync(rows, apply: false, user, progress: null, cancellationToken);
        var writes = preview.Summary.Created + preview.Summary.Updated;
        if (!apply || preview.Summary.Rejected > 0 || writes <= ProgressThreshold)
        {
            return await editing.ImportAsync(rows, apply, user, progress: null, cancellationToken);
        }

        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        return await console.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask("Importing", maxValue: writes);
                var report = await editing.ImportAsync(rows, apply: true, user, new Progress<int>(done => task.Value = done), cancellationToken);
                task.Value = writes;
                return report;
            });
    }

    private static void Report(ImportReport report, bool json)
    {
        if (json)
        {
            Console.WriteLine(JsonSerializer.Serialize(report, CliJsonContext.Default.ImportReport));
            return;
        }

        var s = report.Summary;
        var verb = report.Applied ? "Imported" : report.DryRun ? "Would import" : "Not imported";
        Console.WriteLine($"{verb}: {s.Created} new, {s.Updated} updated, {s.Unchanged} unchanged, {s.Rejected} rejected.");
        foreach (var row in report.Rows.Where(r => r.Errors is not null))
        {
            foreach (var (field, messages) in row.Errors!)
            {
                foreach (var message in messages)
                {
                    Console.WriteLine($"  row {row.Row}{(row.Id is null ? "" : $" ({row.Id})")}, {field}: {message}");
                }
            }
        }

        if (s.Rejected > 0)
        {
            Console.WriteLine("Nothing was written: fix the rejected rows and import again.");
        }
    }

    public static Command CreateExport()
    {
        var output = new Option<FileInfo?>("--output", "-o") { Description = "Write to this file (default: standard output)." };
        var format = new Option<string>("--format") { Description = "json (the data/faq format) or csv; default from the output file's extension, else json." };
        var settings = StoreSettings.Create();
        var command = new Command("export", "Export the FAQ entries (not deleted ones) from the configured store.") { output, format };
        settings.AddTo(command);

        command.SetAction(async (parse, cancellationToken) =>
        {
            var target = parse.GetValue(output);
            var kind = (parse.GetValue(format) ?? (target?.Extension.Equals(".csv", StringComparison.OrdinalIgnoreCase) == true ? "csv" : "json")).ToLowerInvariant();
            if (kind is not ("json" or "csv"))
            {
                await Console.Error.WriteLineAsync($"--format must be json or csv, not '{kind}'.");
                return 2;
            }

            if (await settings.TryOpenAsync(parse) is not { } store)
            {
                return 2;
            }

            var entries = (await store.ListAsync(includeDeleted: false, cancellationToken)).Select(e => e.Entry).ToList();
            var bytes = await FaqFormats.WriteAsync(entries, kind == "csv" ? FaqFormat.Csv : FaqFormat.Json, cancellationToken);
            if (target is null)
            {
                Console.Write(Encoding.UTF8.GetString(bytes));
            }
            else
            {
                // Written beside the target and moved into place, so a failed export never leaves half a file.
                var temporary = target.FullName + ".tmp";
                await File.WriteAllBytesAsync(temporary, bytes, cancellationToken);
                File.Move(temporary, target.FullName, overwrite: true);
                await Console.Error.WriteLineAsync($"Exported {entries.Count} entries to {target.FullName}");
            }

            return 0;
        });
        return command;
    }
}

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(ImportReport))]
internal sealed partial class CliJsonContext : JsonSerializerContext;
