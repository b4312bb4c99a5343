using Faq.Core.Analysis;

namespace Faq.Core.Tests.Analysis;

public sealed class TextAnalyzerTests
{
    [Theory]
    [InlineData("Achillés TENDON", "achilles tendon")]
    [InlineData("Morton’s neuroma", "morton's neuroma")]
    [InlineData("ﬁne", "fine")]
    public void FoldingRemovesCaseDiacriticsAndCompatibilityForms(string input, string expected) =>
        Assert.Equal(expected, TextFolding.Fold(input));

    [Fact]
    public void TokenizerJoinsApostrophesInsideWordsAndSplitsOnEverythingElse() =>
        Assert.Equal(["dont", "mortons", "e", "stim", "24", "48h"], Tokenizer.Tokenize(TextFolding.Fold("Don't Morton's e-stim, 24/48h?")));

    [Fact]
    public void StopWordsAndFillerAreRemovedButIntentWordsKept()
    {
        var terms = TextAnalyzer.Default.Analyze("Hi, I was wondering who should not have it after a race?").Terms;
        Assert.Equal(["who", "not", "after", "race"], terms);
    }

    [Fact]
    public void WordFormsShareOneTerm()
    {
        var a = TextAnalyzer.Default.Analyze("needling needles needled");
        Assert.All(a.Terms, t => Assert.Equal("needl", t));
    }

    [Theory]
    [InlineData("Does DN hurt?", "Does dry needling hurt?")]
    [InlineData("is it painful", "does it hurt")]
    [InlineData("how many visits", "how many appointments")]
    [InlineData("PF in my heel", "plantar fasciitis in my heel")]
    [InlineData("can I use e-stim", "can I use electrical stimulation")]
    [InlineData("I take warfarin", "I take blood thinners")]
    [InlineData("I can't run", "I cannot run")]
    public void SynonymsMapToTheSameTerms(string a, string b) =>
        Assert.Equal(TextAnalyzer.Default.Analyze(b).Terms, TextAnalyzer.Default.Analyze(a).Terms);

    [Fact]
    public void AnalyzerWithoutSynonymsKeepsWordsApart() =>
        Assert.NotEqual(
            new TextAnalyzer(SynonymTable.Empty).Analyze("is it painful").Terms,
            new TextAnalyzer(SynonymTable.Empty).Analyze("does it hurt").Terms);

    [Fact]
    public void SynonymPhrasesPreferTheLongestMatch()
    {
        var analyzer = new TextAnalyzer(new SynonymTable([["apple banana cherry", "xylophone"], ["dates", "xylophone yoyo"]]));
        Assert.Equal(["appl", "banana", "cherri", "quinc", "date"], analyzer.Analyze("xylophone quince dates").Terms);
        Assert.Equal(["date"], analyzer.Analyze("xylophones yoyos").Terms);
    }

    [Fact]
    public void EmptyAndPunctuationOnlyTextHasNoTerms()
    {
        Assert.Empty(TextAnalyzer.Default.Analyze(string.Empty).Terms);
        Assert.Empty(TextAnalyzer.Default.Analyze("?!… --").Terms);
    }

    [Fact]
    public void VeryLongTokensAreTruncatedNotRejected()
    {
        var terms = TextAnalyzer.Default.Analyze(new string('x', 5000)).Terms;
        Assert.Single(terms);
        Assert.True(terms[0].Length <= 64);
    }
}
