using System.CommandLine;

namespace Faq.Cli;

/// <summary>The <c>faq</c> command and its subcommands.</summary>
internal static class CliRoot
{
    public static RootCommand Create()
    {
        var root = new RootCommand("Faq: measure and calibrate the answering pipeline, and import or export the FAQ of the configured store.");
        root.Subcommands.Add(EvalCommand.Create());
        root.Subcommands.Add(EvalFollowUpsCommand.Create());
        root.Subcommands.Add(CalibrateCommand.Create());
        root.Subcommands.Add(BenchCommand.Create());
        root.Subcommands.Add(StoreCommands.CreateImport());
        root.Subcommands.Add(StoreCommands.CreateExport());
        return root;
    }
}
