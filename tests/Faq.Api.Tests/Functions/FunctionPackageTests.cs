using System.Diagnostics;
using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using Faq.Tests;

namespace Faq.Api.Tests.Functions;

/// <summary>Publishes the function app once (the documented command) into a temporary folder and zip.</summary>
public sealed class PublishedPackage : IDisposable
{
    public PublishedPackage()
    {
        Folder = Path.Combine(Root, "app");
        Zip = Path.Combine(Root, "faq-functionapp.zip");
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Repository.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in new[] { "publish", "src/Faq.Api", "-c", "Release", "-o", Folder, $"-p:FunctionAppZip={Zip}", "--nologo" })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(5)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("dotnet publish took more than 5 minutes.");
        }

        Log = output.Result + errors.Result;
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException("dotnet publish failed:\n" + Log);
        }
    }

    public string Root { get; } = Path.Combine(Path.GetTempPath(), "faq-publish", Guid.NewGuid().ToString("N"));

    public string Folder { get; }

    public string Zip { get; }

    public string Log { get; }

    public void Dispose()
    {
        if (Directory.Exists(Root))
        {
            Directory.Delete(Root, recursive: true);
        }
    }
}

/// <summary>The deployable package: its layout, and the app answering when started exactly as the Functions host starts it.</summary>
public sealed class FunctionPackageTests(PublishedPackage package) : IClassFixture<PublishedPackage>
{
    [Fact]
    public void ThePackageRootHoldsHostJsonTheFunctionFoldersTheHandlerAndItsContent()
    {
        var root = package.Folder;
        var app = FunctionApp.Load(root, root);

        Assert.True(File.Exists(Path.Combine(root, "host.json")));
        Assert.Equal(FunctionApp.Load().Functions.Select(f => f.Name), app.Functions.Select(f => f.Name));
        Assert.True(File.Exists(Path.Combine(root, app.ExecutablePath)), "the custom handler executable is at the root");
        Assert.True(OperatingSystem.IsWindows() || (File.GetUnixFileMode(Path.Combine(root, app.ExecutablePath)) & UnixFileMode.UserExecute) != 0);
        Assert.True(File.Exists(Path.Combine(root, "libcoreclr.so")), "self-contained: the .NET runtime travels with the app");
        Assert.True(File.Exists(Path.Combine(root, "wwwroot", "widget", "faq-widget.js")));
        Assert.True(File.Exists(Path.Combine(root, "wwwroot", "staff", "index.html")));
        Assert.True(File.Exists(Path.Combine(root, "data", "faq", "dry-needling.json")));
        Assert.False(Directory.Exists(Path.Combine(root, "Functions")), "function folders sit at the root, not in a subfolder");
        Assert.Empty(Directory.GetFiles(root, "appsettings.Development.json"));
    }

    [Fact]
    public void TheZipHasTheSameFilesAndKeepsTheExecutableBit()
    {
        using var zip = ZipFile.OpenRead(package.Zip);
        var entries = zip.Entries.Where(e => !e.FullName.EndsWith('/')).Select(e => e.FullName.Replace('\\', '/')).ToHashSet(StringComparer.Ordinal);
        var files = Directory.GetFiles(package.Folder, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(package.Folder, f).Replace('\\', '/')).ToHashSet(StringComparer.Ordinal);

        Assert.Equal(files.Order(StringComparer.Ordinal), entries.Order(StringComparer.Ordinal));
        var handler = zip.GetEntry("Faq.Api")!;
        Assert.True(((handler.ExternalAttributes >> 16) & 0b001_000_000) != 0, "the handler keeps its executable bit in the zip");
        Assert.NotNull(zip.GetEntry("host.json"));
        Assert.NotNull(zip.GetEntry("ask/function.json"));
    }

    [Fact]
    public async Task StartedAsTheFunctionsHostStartsItTheAppAnswersAtTheForwardedPaths()
    {
        var port = FreePort.Next();
        var home = Path.Combine(package.Root, "home-" + Guid.NewGuid().ToString("N"));
        var start = new ProcessStartInfo(Path.Combine(package.Folder, "Faq.Api"))
        {
            WorkingDirectory = package.Folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["FUNCTIONS_CUSTOMHANDLER_PORT"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["HOME"] = home; // the file store's default folder
        start.Environment["Faq__Admin__Keys__0"] = "package-test-key";
        using var process = Process.Start(start)!;
        _ = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        try
        {
            using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
            var ask = await WaitForAnswerAsync(client, process);

            Assert.Equal("answered", ask.GetProperty("outcome").GetString());
            Assert.Contains("not medical advice", ask.GetProperty("disclaimer").GetString(), StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/widget/faq-widget.js", UriKind.Relative))).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/staff/", UriKind.Relative))).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/api/openapi.json", UriKind.Relative))).StatusCode);
            using var unauthorised = await client.GetAsync(new Uri("/api/admin/entries", UriKind.Relative));
            Assert.Equal(HttpStatusCode.Unauthorized, unauthorised.StatusCode);
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            Assert.True(process.ExitCode != 0 || !(await errors).Contains("Unhandled exception", StringComparison.Ordinal), await errors);
        }
    }

    private static async Task<JsonElement> WaitForAnswerAsync(HttpClient client, Process process)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            Assert.False(process.HasExited, "the app exited at start-up");
            try
            {
                using var response = await client.PostAsJsonAsync(new Uri("/api/ask", UriKind.Relative), new { question = "Does dry needling hurt?" });
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return await response.Content.ReadFromJsonAsync<JsonElement>();
                }
            }
            catch (HttpRequestException) when (DateTime.UtcNow < deadline)
            {
                // not listening yet
            }

            Assert.True(DateTime.UtcNow < deadline, "the app did not answer within 60 seconds");
            await Task.Delay(100);
        }
    }
}
