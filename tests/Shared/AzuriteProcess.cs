using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Faq.Tests;

/// <summary>
/// A real Azure Table Storage emulator (Azurite, installed from npm into tests/tools by .ci/test.sh) on a free
/// loopback port. In-memory by default; with a data folder it persists across <see cref="RestartAsync"/>.
/// </summary>
public sealed class AzuriteProcess : IAsyncDisposable
{
    private readonly string? _dataFolder;
    private Process? _process;

    private AzuriteProcess(int port, string? dataFolder)
    {
        Port = port;
        _dataFolder = dataFolder;
    }

    public int Port { get; }

    public string ConnectionString =>
        "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;"
        + "AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;"
        + $"TableEndpoint=http://127.0.0.1:{Port}/devstoreaccount1;";

    public bool IsRunning => _process is { HasExited: false };

    /// <summary>Starts Azurite; pass a folder to keep data on disk across restarts.</summary>
    public static async Task<AzuriteProcess> StartAsync(string? dataFolder = null)
    {
        var azurite = new AzuriteProcess(FreePort.Next(), dataFolder);
        await azurite.LaunchAsync();
        return azurite;
    }

    /// <summary>Stops Azurite gracefully (SIGINT: it saves its data on that signal, not on SIGTERM), killing it if it lingers.</summary>
    public async Task StopAsync()
    {
        if (_process is { HasExited: false } process)
        {
            using (var term = Process.Start("kill", ["-INT", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            {
                await term.WaitForExitAsync();
            }

            using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            try
            {
                await process.WaitForExitAsync(patience.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
            }
        }

        _process?.Dispose();
        _process = null;
    }

    public async Task RestartAsync()
    {
        await StopAsync();
        await LaunchAsync();
    }

    public async ValueTask DisposeAsync() => await StopAsync();

    private async Task LaunchAsync()
    {
        var executable = Path.Combine(Repository.Root, "tests", "tools", "node_modules", ".bin", "azurite-table");
        if (!File.Exists(executable))
        {
            throw new InvalidOperationException(
                $"Azurite is not installed at {executable}. Run the tests with `bash .ci/test.sh`, which installs it (npm ci in tests/tools).");
        }

        var start = new ProcessStartInfo(executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "--tableHost", "127.0.0.1", "--tablePort", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--silent", "--skipApiVersionCheck" })
        {
            start.ArgumentList.Add(argument);
        }

        if (_dataFolder is null)
        {
            start.ArgumentList.Add("--inMemoryPersistence");
        }
        else
        {
            Directory.CreateDirectory(_dataFolder);
            start.ArgumentList.Add("--location");
            start.ArgumentList.Add(_dataFolder);
        }

        _process = Process.Start(start) ?? throw new InvalidOperationException("Azurite did not start.");
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"Azurite exited at start with code {_process.ExitCode}.");
            }

            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, Port);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(100);
            }
        }

        throw new TimeoutException($"Azurite did not listen on port {Port} within 30 seconds.");
    }
}
