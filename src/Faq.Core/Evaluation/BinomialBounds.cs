namespace Faq.Core.Evaluation;

/// <summary>Exact (Clopper–Pearson) confidence bounds for a binomial proportion.</summary>
internal static class BinomialBounds
{
    /// <summary>
    /// The upper end of the two-sided Clopper–Pearson interval for <paramref name="events"/> in <paramref name="trials"/>:
    /// the largest rate under which seeing this few events still has probability at least (1 − confidence) / 2.
    /// With no events in n trials it is 1 − 0.025^(1/n) at 95 %, about 3.7 / n.
    /// </summary>
    public static double Upper(int events, int trials, double confidence = 0.95)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(trials, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(events);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(events, trials);
        if (confidence is <= 0 or >= 1)
        {
            throw new ArgumentOutOfRangeException(nameof(confidence), confidence, "The confidence must be in (0, 1).");
        }

        if (events == trials)
        {
            return 1;
        }

        // P(X ≤ events) falls as the rate rises: bisect for the rate where it equals the tail probability.
        var tail = (1 - confidence) / 2;
        double low = (double)events / trials, high = 1;
        for (var i = 0; i < 200 && high - low > 1e-12; i++)
        {
            var mid = (low + high) / 2;
            if (CumulativeProbability(events, trials, mid) > tail)
            {
                low = mid;
            }
            else
            {
                high = mid;
            }
        }

        return (low + high) / 2;
    }

    /// <summary>P(X ≤ k) for X ~ Binomial(n, p), summed in log space so large n does not underflow.</summary>
    internal static double CumulativeProbability(int k, int n, double p)
    {
        if (p <= 0)
        {
            return 1;
        }

        if (p >= 1)
        {
            return k >= n ? 1 : 0;
        }

        // log of C(n, i) p^i (1 − p)^(n − i), term by term from i = 0.
        var logTerm = n * Math.Log(1 - p);
        var logRatio = Math.Log(p) - Math.Log(1 - p);
        var max = logTerm;
        var logs = new double[k + 1];
        logs[0] = logTerm;
        for (var i = 1; i <= k; i++)
        {
            logTerm += Math.Log(n - i + 1) - Math.Log(i) + logRatio;
            logs[i] = logTerm;
            max = Math.Max(max, logTerm);
        }

        var sum = 0.0;
        foreach (var l in logs)
        {
            sum += Math.Exp(l - max);
        }

        return Math.Min(1, Math.Exp(max + Math.Log(sum)));
    }
}
