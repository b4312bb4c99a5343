using System.CommandLine;
using Faq.Cli;

var root = new RootCommand("Faq: measure the answering pipeline on labelled questions and public benchmarks.");
root.Subcommands.Add(EvalCommand.Create());
root.Subcommands.Add(BenchCommand.Create());
return await root.Parse(args).InvokeAsync();
