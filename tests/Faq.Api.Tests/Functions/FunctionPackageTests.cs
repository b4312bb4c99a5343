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

/// <summary>
/// The deployable package: its layout for the Functions host (which starts the executable as its isolated worker), and
/// the same executable answering when started by itself, without the host.
/// </summary>
public sealed class FunctionPackageTests(PublishedPackage package) : IClassFixture<PublishedPackage>
{
    [Fact]
    public void ThePackageRootHoldsHostJsonTheFunctionsTheWorkerAndItsContent()
    {
        var root = package.Folder;
        var app = FunctionApp.Load(root, root);

        Assert.False(app.HasCustomHandler);
        Assert.Equal(FunctionApp.Load().Functions.Select(f => (f.Name, f.AuthLevel, f.Template)), app.Functions.Select(f => (f.Name, f.AuthLevel, f.Template)));
        using (var worker = JsonDocument.Parse(File.ReadAllText(Path.Combine(root, "worker.config.json"))))
        {
            var description = worker.RootElement.GetProperty("description");
            Assert.Equal("dotnet-isolated", description.GetProperty("language").GetString());
            // Self-contained: the host starts the app's own executable, not a shared `dotnet`.
            Assert.Equal("{WorkerRoot}Faq.Api", description.GetProperty("defaultExecutablePath").GetString());
        }

        Assert.True(Directory.Exists(Path.Combine(root, ".azurefunctions")), "the worker's extension bundle for the host");
        Assert.True(File.Exists(Path.Combine(root, "Faq.Api")), "the worker executable is at the root");
        Assert.True(OperatingSystem.IsWindows() || (File.GetUnixFileMode(Path.Combine(root, "Faq.Api")) & UnixFileMode.UserExecute) != 0);
        Assert.True(File.Exists(Path.Combine(root, "libcoreclr.so")), "self-contained: the .NET runtime travels with the app");
        Assert.True(File.Exists(Path.Combine(root, "appsettings.json")));
        Assert.True(File.Exists(Path.Combine(root, "wwwroot", "widget", "faq-widget.js")));
        Assert.True(File.Exists(Path.Combine(root, "wwwroot", "staff", "index.html")));
        Assert.True(File.Exists(Path.Combine(root, "data", "faq", "dry-needling.json")));
        Assert.Empty(Directory.GetFiles(root, "function.json", SearchOption.AllDirectories));
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
        var worker = zip.GetEntry("Faq.Api")!;
        Assert.True(((worker.ExternalAttributes >> 16) & 0b001_000_000) != 0, "the worker keeps its executable bit in the zip");
        Assert.NotNull(zip.GetEntry("host.json"));
        Assert.NotNull(zip.GetEntry(FunctionApp.MetadataFile));
        Assert.NotNull(zip.GetEntry("worker.config.json"));
    }

    [Fact]
    public async Task StartedWithoutTheFunctionsHostThePublishedAppServesEverythingItself()
    {
        var port = FreePort.Next();
        var home = Path.Combine(package.Root, "home-" + Guid.NewGuid().ToString("N"));
        var start = new ProcessStartInfo(Path.Combine(package.Folder, "Faq.Api"))
        {
            WorkingDirectory = package.Folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment.Remove("FUNCTIONS_WORKER_RUNTIME");
        start.Environment["Urls"] = $"http://127.0.0.1:{port.ToString(System.Globalization.CultureInfo.InvariantCulture)}";
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
