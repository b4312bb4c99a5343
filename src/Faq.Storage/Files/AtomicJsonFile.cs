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
/// A JSON document on disk with an immutable in-memory copy for readers: one writer at a time changes a private
/// copy, writes it to a temp file, renames it over the old file, and only then publishes it. A crash leaves the old
/// file or the new one, never half of each; a failed write changes nothing.
/// </summary>
internal sealed class AtomicJsonFile<T>(string path, JsonTypeInfo<T> type, Func<T> empty) : IDisposable
    where T : class, ICopyable<T>
{
    private readonly SemaphoreSlim _write = new(1, 1);
    private volatile T? _document;

    public string Path => path;

    public void Dispose() => _write.Dispose();

    public async Task<T> ReadAsync(CancellationToken cancellationToken)
    {
        if (_document is { } loaded)
        {
            return loaded;
        }

        await _write.WaitAsync(cancellationToken);
        try
        {
            return _document ??= await LoadAsync(cancellationToken);
        }
        finally
        {
            _write.Release();
        }
    }

    /// <summary>Applies a change; a result of <c>false</c> means "nothing changed" and skips the write.</summary>
    public async Task<TResult> WriteAsync<TResult>(Func<T, TResult> mutate, CancellationToken cancellationToken)
    {
        await _write.WaitAsync(cancellationToken);
        try
        {
            var current = _document ??= await LoadAsync(cancellationToken);
            var copy = current.Copy();
            var result = mutate(copy);
            if (result is false)
            {
                return result;
            }

            var folder = System.IO.Path.GetDirectoryName(path)!;
            Directory.CreateDirectory(folder);
            var temp = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
            try
            {
                await using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 4096, FileOptions.WriteThrough))
                {
                    await JsonSerializer.SerializeAsync(stream, copy, type, cancellationToken);
                }

                File.Move(temp, path, overwrite: true);
            }
            catch
            {
                File.Delete(temp);
                throw;
            }

            _document = copy;
            return result;
        }
        finally
        {
            _write.Release();
        }
    }

    private async Task<T> LoadAsync(CancellationToken cancellationToken)
    {
        if (!File.Exists(path))
        {
            return empty();
        }

        try
        {
            await using var stream = File.OpenRead(path);
            return await JsonSerializer.DeserializeAsync(stream, type, cancellationToken) ?? empty();
        }
        catch (JsonException ex)
        {
            throw new FaqStoreUnavailableException($"The store file '{path}' is not valid JSON: {ex.Message}", ex);
        }
    }
}
