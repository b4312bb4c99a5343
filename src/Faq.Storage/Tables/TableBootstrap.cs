using Azure.Data.Tables;

namespace Faq.Storage.Tables;

/// <summary>Creates a store's tables on first use, once per instance, and again if they disappear.</summary>
internal sealed class TableBootstrap(TableServiceClient service, params string[] tables) : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private volatile bool _ready;

    public void Dispose() => _gate.Dispose();

    public async Task EnsureAsync(CancellationToken cancellationToken)
    {
        if (_ready)
        {
            return;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (!_ready)
            {
                foreach (var table in tables)
                {
                    await service.CreateTableIfNotExistsAsync(table, cancellationToken);
                }

                _ready = true;
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>A table was found missing: create the tables again on the next call.</summary>
    public void Reset() => _ready = false;

    /// <summary>Whether a failure says a table is missing (deleted by hand, an emulator reset).</summary>
    public static bool IsTableMissing(Azure.RequestFailedException failure) =>
        failure.Status == 404 && failure.ErrorCode == "TableNotFound";
}
