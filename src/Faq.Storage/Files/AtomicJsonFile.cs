using System.Diagnostics;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Faq.Core.Storage;

namespace Faq.Storage.Files;

/// <summary>A document that can hand out a private copy for a writer to change.</summary>
internal interface ICopyable<out T>
{
    T Copy();
}

/// <summary>
/// A JSON document on disk that other processes may change too (the <c>faq</c> command, a second app instance, a
/// person with an editor). Every read checks the file's content hash and parses it again only when it changed, so a
/// change made elsewhere is seen on the next read. A writer holds an exclusive lock file (so two processes never
/// interleave read-modify-write), applies its change to the document as it is on disk now, writes a temp file and
/// renames it over the old one; if the file changed under it anyway (a writer that ignores the lock), the change is
/// applied again to what is there, never written over it. A crash leaves the old file or the new one, never half of
/// each; a failed write changes nothing.
/// </summary>
internal sealed class AtomicJsonFile<T>(string path, JsonTypeInfo<T> type, Func<T> empty) : IDisposable
    where T : class, ICopyable<T>
{
    /// <summary>Longest a writer waits for another process to release the lock before the write fails (and may be retried).</summary>
    public static readonly TimeSpan LockWait = TimeSpan.FromSeconds(10);

    private const int MaxReapplies = 10;
    private static readonly byte[] NoFile = [];
    private readonly SemaphoreSlim _write = new(1, 1);
    private readonly string _lockPath = System.IO.Path.Combine(System.IO.Path.GetDirectoryName(path)!, ".locks", System.IO.Path.GetFileName(path) + ".lock");
    private volatile Loaded? _loaded;

    public string Path => path;

    public void Dispose() => _write.Dispose();

    /// <summary>The document as the file holds it now.</summary>
    public async Task<T> ReadAsync(CancellationToken cancellationToken) =>
        Parse(await ReadBytesAsync(cancellationToken)).Document;

    /// <summary>Applies a change; a result of <c>false</c> means "nothing changed" and skips the write.</summary>
    /// <remarks><paramref name="mutate"/> may run more than once (when another process changed the file meanwhile);
    /// each time it gets a fresh copy of the current document.</remarks>
    public async Task<TResult> WriteAsync<TResult>(Func<T, TResult> mutate, CancellationToken cancellationToken)
    {
        await _write.WaitAsync(cancellationToken);
        try
        {
            using var held = await LockAsync(cancellationToken);
            for (var attempt = 1; ; attempt++)
            {
                var current = Parse(await ReadBytesAsync(cancellationToken));
                var copy = current.Document.Copy();
                var result = mutate(copy);
                if (result is false)
                {
                    return result;
                }

                var bytes = JsonSerializer.SerializeToUtf8Bytes(copy, type);
                var temp = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
                try
                {
                    await using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 4096, FileOptions.WriteThrough))
                    {
                        await stream.WriteAsync(bytes, cancellationToken);
                    }

                    if (attempt < MaxReapplies && !SHA256.HashData(await ReadBytesAsync(cancellationToken)).AsSpan().SequenceEqual(current.Hash))
                    {
                        File.Delete(temp);
                        continue;
                    }

                    File.Move(temp, path, overwrite: true);
                }
                catch
                {
                    File.Delete(temp);
                    throw;
                }

                _loaded = new Loaded(copy, SHA256.HashData(bytes));
                return result;
            }
        }
        finally
        {
            _write.Release();
        }
    }

    private Loaded Parse(byte[] bytes)
    {
        var hash = SHA256.HashData(bytes);
        if (_loaded is { } loaded && loaded.Hash.AsSpan().SequenceEqual(hash))
        {
            return loaded;
        }

        T document;
        try
        {
            document = ReferenceEquals(bytes, NoFile) ? empty() : JsonSerializer.Deserialize(bytes, type) ?? empty();
        }
        catch (JsonException ex)
        {
            throw new FaqStoreUnavailableException($"The store file '{path}' is not valid JSON: {ex.Message}", ex);
        }

        var fresh = new Loaded(document, hash);
        _loaded = fresh;
        return fresh;
    }

    private async Task<byte[]> ReadBytesAsync(CancellationToken cancellationToken)
    {
        try
        {
            // Shared with writers and with the rename that replaces the file: a reader never blocks either.
            await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 4096, FileOptions.Asynchronous);
            var bytes = new byte[stream.Length];
            await stream.ReadExactlyAsync(bytes, cancellationToken);
            return bytes;
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            return NoFile;
        }
    }

    /// <summary>
    /// The cross-process write lock: a lock file under <c>.locks/</c> next to the document, opened exclusively. The
    /// operating system releases it when its holder closes it or dies, so a crashed writer never leaves it locked.
    /// </summary>
    private async Task<FileStream> LockAsync(CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(_lockPath)!);
        var started = Stopwatch.GetTimestamp();
        var delay = TimeSpan.FromMilliseconds(5);
        while (true)
        {
            try
            {
                return new FileStream(_lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.None);
            }
            catch (IOException) when (Stopwatch.GetElapsedTime(started) < LockWait)
            {
                await Task.Delay(delay, cancellationToken);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, TimeSpan.FromMilliseconds(100).Ticks));
            }
            catch (IOException ex)
            {
                throw new IOException($"The store file '{path}' stayed locked by another writer for {LockWait.TotalSeconds} s ({_lockPath}).", ex);
            }
        }
    }

    private sealed record Loaded(T Document, byte[] Hash);
}
