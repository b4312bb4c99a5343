using Faq.Core.Triage;

namespace Faq.Api.Answering;

/// <summary>
/// Embeds the triage's red-flag exemplars in the background once the app starts, so the first message that needs them
/// does not wait for it. Start-up never waits for it; a failure (the model could not load) is logged and the triage
/// reads messages without the model until it can.
/// </summary>
internal sealed partial class TriageWarmUp(UrgentTriage triage, ILogger<TriageWarmUp> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await triage.WarmUpAsync(stoppingToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
        {
            LogWarmUpFailed(logger, ex.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The urgent triage's exemplars could not be embedded yet ({Reason}); messages are triaged without the model until they can")]
    private static partial void LogWarmUpFailed(ILogger logger, string reason);
}
