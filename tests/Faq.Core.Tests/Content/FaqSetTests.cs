using Faq.Core.Content;

namespace Faq.Core.Tests.Content;

public sealed class FaqSetTests
{
    [Fact]
    public void TheCuratedSetHasEveryRequiredEntryWithEnoughAlternates()
    {
        string[] required =
        [
            "what-is-dry-needling", "how-it-works", "is-it-painful", "how-many-sessions", "side-effects",
            "dry-needling-vs-acupuncture", "plantar-fasciitis", "plantar-fasciitis-causes", "conditions-treated",
            "contraindications", "safety", "what-to-expect", "aftercare", "exercise-after", "evidence",
            "combined-treatments", "practitioner-qualifications", "time-to-relief", "drug-free", "vs-cortisone",
            "electrical-stimulation", "booking", "insurance-cost",
        ];
        var entries = TestData.CuratedEntries();
        var ids = entries.Select(e => e.Id).ToHashSet();
        Assert.DoesNotContain(required, id => !ids.Contains(id));
        Assert.All(entries, e =>
        {
            Assert.True(e.Alternates.Count >= 5, $"{e.Id} has {e.Alternates.Count} alternates");
            Assert.All(e.Related, r => Assert.Contains(r, ids));
            Assert.Matches("^[a-z0-9]+(-[a-z0-9]+)*$", e.Id);
        });
    }

    [Fact]
    public async Task WritingAndReadingBackLosesNothing()
    {
        var entries = TestData.CuratedEntries();
        using var stream = new MemoryStream();
        await FaqSet.WriteAsync(stream, entries);
        stream.Position = 0;
        var again = await FaqSet.ReadAsync(stream);
        Assert.Equal(entries.Count, again.Count);
        for (var i = 0; i < entries.Count; i++)
        {
            Assert.Equal(entries[i].Id, again[i].Id);
            Assert.Equal(entries[i].Answer, again[i].Answer);
            Assert.Equal(entries[i].Alternates, again[i].Alternates);
            Assert.Equal(entries[i].Related, again[i].Related);
            Assert.Equal(entries[i].Tags, again[i].Tags);
        }
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("[]")]
    [InlineData("{}")]
    [InlineData("""{"entries":[{"id":"a","question":"","answer":"x"}]}""")]
    [InlineData("""{"entries":[{"id":"a","question":"q","answer":"x"},{"id":"a","question":"q2","answer":"y"}]}""")]
    public void InvalidDocumentsAreRejectedWithAFormatException(string json) =>
        Assert.Throws<FormatException>(() => FaqSet.Parse(json));
}
