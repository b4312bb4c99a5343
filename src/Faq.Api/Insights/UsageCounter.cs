using Faq.Core.Answering;
using Faq.Core.Channels;
using Faq.Core.Insights;

namespace Faq.Api.Insights;

/// <summary>
/// Counts replies (by day, outcome, entry and channel) and feedback votes in memory, off the request path, and writes
/// this instance's totals to the usage store at most <c>Faq:Insights:FlushSeconds</c> apart and when the app stops.
/// Each process is its own writer with its own rows, so instances never contend and a restart starts new rows
/// rather than overwriting the old ones. A failed write keeps the counts and writes them with the next flush. No
/// patient text is kept: only outcome, entry id and channel. Also removes counts older than
/// <c>Faq:Insights:RetentionMonths</c>.
/// </summary>
internal sealed partial class UsageCounter(IUsageStore store, IOptions<InsightsOptions> options, TimeProvider time, ILogger<UsageCounter> logger)
    : BackgroundService
{
    /// <summary>Longest a stopping app waits for its last counts to be written.</summary>
    private static readonly TimeSpan FinalFlushTimeout = TimeSpan.FromSeconds(10);
    private readonly string _writer = Guid.NewGuid().ToString("N");
    private readonly Lock _lock = new();
    private readonly Dictionary<DateOnly, Dictionary<UsageCell, long>> _totals = [];
    private readonly HashSet<DateOnly> _unsaved = [];
    private readonly SemaphoreSlim _flushing = new(1, 1);
    private DateOnly _purged;

    /// <summary>Counts a reply to a patient's message (small talk, such as a greeting or thanks, is not a question and is not counted).</summary>
    public void CountReply(FaqReply reply, Channel channel)
    {
        ArgumentNullException.ThrowIfNull(reply);
        if (reply.Outcome == AnswerOutcome.SmallTalk)
        {
            return;
        }

        Add(new UsageCell(reply.Outcome.Name(), reply.Outcome == AnswerOutcome.Answered ? reply.FaqId ?? string.Empty : string.Empty, ChannelName(channel)));
    }

    /// <summary>Counts a patient's vote on an entry's answer.</summary>
    public void CountVote(string faqId, bool helpful) =>
        Add(new UsageCell(helpful ? UsageKinds.Helpful : UsageKinds.NotHelpful, faqId, string.Empty));

    /// <summary>The name a channel is counted under: <c>web</c>, <c>sms</c>, <c>whatsapp</c> or <c>api</c>.</summary>
    public static string ChannelName(Channel channel) => channel.ToString().ToLowerInvariant();

    private void Add(UsageCell cell)
    {
        var day = Today();
        lock (_lock)
        {
            var totals = _totals.TryGetValue(day, out var known) ? known : _totals[day] = [];
            totals[cell] = totals.GetValueOrDefault(cell) + 1;
            _unsaved.Add(day);
        }
    }

    /// <summary>Writes what this instance counted and has not written yet (the insights endpoint calls it, so its own counts are current).</summary>
    /// <exception cref="Faq.Core.Storage.FaqStoreUnavailableException">The store could not be written; the counts are kept for the next flush.</exception>
    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        await _flushing.WaitAsync(cancellationToken);
        try
        {
            List<(DateOnly Day, Dictionary<UsageCell, long> Totals)> work;
            lock (_lock)
            {
                work = [.. _unsaved.Select(day => (day, new Dictionary<UsageCell, long>(_totals[day])))];
                _unsaved.Clear();
            }

            try
            {
                while (work.Count > 0)
                {
                    await store.SaveAsync(_writer, work[0].Day, work[0].Totals, cancellationToken);
                    work.RemoveAt(0);
                }
            }
            finally
            {
                lock (_lock)
                {
                    // Not written: written in full with the next flush (a writer's totals replace its row, so nothing counts twice).
                    _unsaved.UnionWith(work.Select(w => w.Day));

                    // Days before yesterday no longer change; once written they need not stay in memory.
                    var yesterday = Today().AddDays(-1);
                    foreach (var day in _totals.Keys.Where(d => d < yesterday && !_unsaved.Contains(d)).ToList())
                    {
                        _totals.Remove(day);
                    }
                }
            }
        }
        finally
        {
            _flushing.Release();
        }
    }

    /// <summary>The first day the retention period keeps.</summary>
    public DateOnly OldestKept() => Today().AddMonths(-options.Value.RetentionMonths);

    private DateOnly Today() => DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.FlushSeconds), time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await FlushQuietlyAsync(stoppingToken);
                if (_purged != Today())
                {
                    try
                    {
                        await store.PurgeAsync(OldestKept(), stoppingToken);
                        _purged = Today();
                    }
                    catch (Exception ex) when (ex is not OperationCanceledException)
                    {
                        LogWriteFailed(logger, ex.Message);
                    }
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>Stops the timer, then writes what is left: a stopping instance loses no counts.</summary>
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        using var timeout = new CancellationTokenSource(FinalFlushTimeout);
        await FlushQuietlyAsync(timeout.Token);
    }

    public override void Dispose()
    {
        _flushing.Dispose();
        base.Dispose();
    }

    private async Task FlushQuietlyAsync(CancellationToken cancellationToken)
    {
        try
        {
            await FlushAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogWriteFailed(logger, ex.Message);
        }
        catch (OperationCanceledException)
        {
            LogWriteFailed(logger, "the app stopped before the store answered");
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not write usage counts (kept for the next attempt): {Reason}")]
    private static partial void LogWriteFailed(ILogger logger, string reason);
}
