using System.Diagnostics;

namespace Faq.Api.Tests;

/// <summary>The <c>faq</c> command-line tool, run as a separate process (as a clinic runs it next to the app).</summary>
internal static class FaqCommand
{
    public static async Task<(int Code, string Out, string Error)> RunAsync(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "faq.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        // Its own settings only: nothing the test host's environment says about stores.
        foreach (var variable in start.Environment.Keys.Where(k => k.StartsWith("Faq__", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            start.Environment.Remove(variable);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output, await error);
    }

    /// <summary>A FAQ file in the data/faq format with these entries.</summary>
    public static async Task<string> WriteFaqFileAsync(string folder, params object[] entries)
    {
        Directory.CreateDirectory(folder);
        var file = Path.Combine(folder, Guid.NewGuid().ToString("N") + ".json");
        await File.WriteAllTextAsync(file, System.Text.Json.JsonSerializer.Serialize(new { entries }));
        return file;
    }
}
