using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace Faq.Benchmarks;

/// <summary>Adds the median and the 99th percentile of the measured iterations (each the mean of its operations).</summary>
public sealed class PercentilesConfig : ManualConfig
{
    public PercentilesConfig()
    {
        AddColumn(StatisticColumn.P50, new PercentileColumn(99));
    }

    private sealed class PercentileColumn(int percentile) : IColumn
    {
        public string Id => $"P{percentile}";

        public string ColumnName => $"P{percentile}";

        public bool AlwaysShow => true;

        public ColumnCategory Category => ColumnCategory.Statistics;

        public int PriorityInCategory => 10;

        public bool IsNumeric => true;

        public UnitType UnitType => UnitType.Time;

        public string Legend => $"{percentile}th percentile of the iteration means";

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
        {
            var statistics = summary[benchmarkCase]?.ResultStatistics;
            if (statistics is null)
            {
                return "NA";
            }

            var nanoseconds = statistics.Percentiles.Percentile(percentile);
            return nanoseconds >= 1e6 ? FormattableString.Invariant($"{nanoseconds / 1e6:N3} ms")
                : nanoseconds >= 1e3 ? FormattableString.Invariant($"{nanoseconds / 1e3:N3} μs")
                : FormattableString.Invariant($"{nanoseconds:N1} ns");
        }

        public bool IsAvailable(Summary summary) => true;

        public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
    }
}
