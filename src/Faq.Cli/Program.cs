using System.CommandLine;
using Faq.Cli;

var root = new RootCommand("Faq: measure the answering pipeline, and import or export the FAQ of the configured store.");
root.Subcommands.Add(EvalCommand.Create());
root.Subcommands.Add(CalibrateCommand.Create());
root.Subcommands.Add(BenchCommand.Create());
root.Subcommands.Add(StoreCommands.CreateImport());
root.Subcommands.Add(StoreCommands.CreateExport());
return await root.Parse(args).InvokeAsync();
