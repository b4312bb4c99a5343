using Faq.Core.Evaluation;
using Faq.Core.Matching;

namespace Faq.Core.Tests.Matching;

public sealed class FusionAndCalibrationTests
{
    [Fact]
    public void RelevanceGrowsWithEverySignal()
    {
        var fusion = new Fusion();
        Assert.True(fusion.Relevance(0.5, 0.5, 0.5) > fusion.Relevance(0.3, 0.5, 0.5));
        Assert.True(fusion.Relevance(0.5, 0.5, 0.5) > fusion.Relevance(0.5, 0.3, 0.5));
        Assert.True(fusion.Relevance(0.5, 0.5, 0.5) > fusion.Relevance(0.5, 0.5, 0.3));
        Assert.True(fusion.Relevance(0.5, 0, 0, keywordOnly: true) > fusion.Relevance(0.3, 0, 0, keywordOnly: true));
    }

    [Fact]
    public void ConfidenceRisesWithTheLeadAndSimilarityAndFallsWithUnknownWords()
    {
        var fusion = new Fusion();
        Assert.True(fusion.Confidence(2, -3, 0) > fusion.Confidence(2, 1.5, 0));
        Assert.True(fusion.Confidence(2, -3, 0) > fusion.Confidence(2, -3, 0.8));
        Assert.True(fusion.Confidence(1, -1, 0, 0.9, 0.5) > fusion.Confidence(1, -1, 0, 0.5, 0.5));
        Assert.InRange(fusion.Confidence(50, -50, 0), 0.99, 1.0);
        Assert.InRange(fusion.Confidence(-50, 50, 0), 0.0, 0.01);
    }

    [Fact]
    public void FittingRecoversTheDirectionOfSyntheticSignals()
    {
        // Right answers have high keyword and embedding scores, wrong ones low, with noise.
        var random = new Random(42);
        var groups = new List<CalibrationSample[]>();
        for (var i = 0; i < 300; i++)
        {
            var rightEmbedding = 0.5 + (random.NextDouble() * 0.4);
            var wrongEmbedding = random.NextDouble() * 0.6;
            var right = new CalibrationSample(0.5 + (random.NextDouble() * 0.4), rightEmbedding, 0.3 + (random.NextDouble() * 0.4), wrongEmbedding, 0.1, true);
            var wrong = new CalibrationSample(random.NextDouble() * 0.6, wrongEmbedding, random.NextDouble() * 0.5, rightEmbedding, 0.1, false);
            groups.Add([right, wrong]);
        }

        var fusion = Calibration.Fit(groups, groups, "synthetic");
        Assert.Equal("synthetic", fusion.ModelId);
        Assert.True(fusion.KeywordWeight > 0);
        Assert.True(fusion.EmbeddingWeight > 0);
        Assert.True(fusion.AnswerWeight > 0);
        Assert.True(fusion.LeadWeight > 0);
        var confidences = new List<(double, bool)>();
        foreach (var group in groups)
        {
            var relevance = group.Select(s => fusion.Relevance(s.Keyword, s.Embedding, s.AnswerEmbedding)).ToArray();
            confidences.Add((fusion.Confidence(relevance[0], relevance[1], group[0].UnknownShare, group[0].Embedding, group[0].BestOtherEmbedding), group[0].Correct));
            confidences.Add((fusion.Confidence(relevance[1], relevance[0], group[1].UnknownShare, group[1].Embedding, group[1].BestOtherEmbedding), group[1].Correct));
        }

        Assert.True(Calibration.ExpectedCalibrationError(confidences) < 0.1);
    }

    [Fact]
    public void CalibrationErrorIsZeroForPerfectAndLargeForOverconfidentPredictions()
    {
        Assert.Equal(0, Calibration.ExpectedCalibrationError([(1.0, true), (0.0, false)]), 6);
        Assert.True(Calibration.ExpectedCalibrationError([(0.95, false), (0.95, false), (0.95, true)]) > 0.5);
    }
}
