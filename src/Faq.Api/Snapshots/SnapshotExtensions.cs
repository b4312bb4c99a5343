using Faq.Core.Analysis;
using Faq.Core.Editing;

namespace Faq.Api.Snapshots;

internal static class SnapshotExtensions
{
    /// <summary>The served FAQ snapshot and the refresher that keeps it in step with the store (and seeds an empty one).</summary>
    public static IHostApplicationBuilder AddFaqSnapshots(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<SnapshotOptions>().BindConfiguration(SnapshotOptions.Section)
            .Validate(o => o.RefreshSeconds is >= 1 and <= 3600, "Faq:Snapshot:RefreshSeconds must be a whole number from 1 to 3600.")
            .Validate(o => o.StartupWaitSeconds is >= 0 and <= 300, "Faq:Snapshot:StartupWaitSeconds must be a whole number from 0 to 300.")
            .ValidateOnStart();
        builder.Services.AddOptions<SeedOptions>().BindConfiguration(SeedOptions.Section)
            .Validate(o => !string.IsNullOrWhiteSpace(o.Path) && File.Exists(o.ResolvedPath), "Faq:Content:Path must name the curated FAQ JSON file that seeds an empty store.")
            .ValidateOnStart();

        builder.Services.AddSingleton(TextAnalyzer.Default);
        builder.Services.AddSingleton<FaqSnapshots>();
        builder.Services.AddSingleton<SnapshotRefresher>();
        builder.Services.AddSingleton<IFaqReloader>(sp => sp.GetRequiredService<SnapshotRefresher>());
        builder.Services.AddHostedService(sp => sp.GetRequiredService<SnapshotRefresher>());
        return builder;
    }
}
