using Faq.Cli;

return await CliRoot.Create().Parse(args).InvokeAsync();
