using Faq.Core.Analysis;

namespace Faq.Core.Tests.Analysis;

public sealed class PorterStemmerTests
{
    // Pairs from Porter's published sample vocabulary and output.
    [Theory]
    [InlineData("caresses", "caress")]
    [InlineData("ponies", "poni")]
    [InlineData("cats", "cat")]
    [InlineData("feed", "feed")]
    [InlineData("agreed", "agre")]
    [InlineData("plastered", "plaster")]
    [InlineData("motoring", "motor")]
    [InlineData("sing", "sing")]
    [InlineData("conflated", "conflat")]
    [InlineData("troubled", "troubl")]
    [InlineData("sized", "size")]
    [InlineData("hopping", "hop")]
    [InlineData("falling", "fall")]
    [InlineData("filing", "file")]
    [InlineData("happy", "happi")]
    [InlineData("relational", "relat")]
    [InlineData("conditional", "condit")]
    [InlineData("rational", "ration")]
    [InlineData("digitizer", "digit")]
    [InlineData("operator", "oper")]
    [InlineData("generalization", "gener")]
    [InlineData("hopefulness", "hope")]
    [InlineData("electrical", "electr")]
    [InlineData("adjustment", "adjust")]
    [InlineData("adoption", "adopt")]
    [InlineData("controlling", "control")]
    [InlineData("rolling", "roll")]
    [InlineData("generously", "gener")]
    [InlineData("probate", "probat")]
    [InlineData("fasciitis", "fasciiti")]
    [InlineData("needling", "needl")]
    public void StemsLikeThePublishedAlgorithm(string word, string stem) =>
        Assert.Equal(stem, PorterStemmer.Stem(word));

    [Theory]
    [InlineData("a")]
    [InlineData("is")]
    [InlineData("24")]
    [InlineData("café")]
    public void LeavesShortAndNonAsciiWordsAlone(string word) =>
        Assert.Equal(word, PorterStemmer.Stem(word));
}
