using Faq.Core.Triage;
using Faq.Tests;

namespace Faq.Core.Tests.Triage;

/// <summary>The README's table of red-flag categories is what clinicians review: it must say what the code does.</summary>
public sealed class RedFlagTableTests
{
    [Fact]
    public void TheReadmeTableListsEveryCategoryWithItsIdNameSignsAndReply()
    {
        var rows = ReadmeTable();
        Assert.Equal(RedFlags.All.Select(f => f.Id), rows.Select(r => r.Id));
        foreach (var (flag, row) in RedFlags.All.Zip(rows))
        {
            Assert.Equal(flag.Name, row.Name);
            Assert.Equal(flag.Signs, row.Signs);
            Assert.Equal(flag.Reply == UrgentReply.CrisisLine ? "crisis line (988)" : "emergency number", row.Reply);
        }
    }

    [Fact]
    public void EveryCategoryHasAStableLowercaseIdAndOnlySelfHarmGetsTheCrisisLine()
    {
        Assert.All(RedFlags.All, f => Assert.Matches("^[a-z]+(-[a-z]+)*$", f.Id));
        Assert.Equal(RedFlags.All.Count, RedFlags.All.Select(f => f.Id).Distinct().Count());
        Assert.Equal([UrgentCategory.SelfHarm], RedFlags.All.Where(f => f.Reply == UrgentReply.CrisisLine).Select(f => f.Category));
        Assert.All(Enum.GetValues<UrgentCategory>().Where(c => c != UrgentCategory.None), c => Assert.Equal(c, RedFlags.Get(c).Category));
        Assert.Equal(UrgentCategory.Clot, RedFlags.Find("clot")?.Category);
        Assert.Throws<ArgumentOutOfRangeException>(() => RedFlags.Get(UrgentCategory.None));
    }

    [Fact]
    public void TheEvalSetsAreLabelledWithTheCodesCategoryIds()
    {
        foreach (var file in Directory.GetFiles(TestData.Path("data", "eval"), "urgent.*.jsonl"))
        {
            var labels = Faq.Core.Evaluation.EvalCase.ParseLines(File.ReadAllText(file)).Select(c => c.Category).OfType<string>().ToHashSet();
            Assert.All(labels, label => Assert.NotNull(RedFlags.Find(label)));
        }
    }

    private static List<(string Id, string Name, string Signs, string Reply)> ReadmeTable()
    {
        var lines = File.ReadAllLines(Repository.PathOf("README.md"));
        var heading = Array.FindIndex(lines, l => l.TrimStart('#').Trim() == "Urgent triage" && l.StartsWith('#'));
        Assert.True(heading >= 0, "README.md has no \"Urgent triage\" heading.");
        var table = lines.Skip(heading + 1)
            .SkipWhile(l => !l.StartsWith('|'))
            .TakeWhile(l => l.StartsWith('|'))
            .Skip(2) // the header and its separator
            .Select(l => l.Trim().Trim('|').Split('|').Select(c => c.Trim()).ToArray())
            .ToList();
        Assert.All(table, cells => Assert.Equal(4, cells.Length));
        return [.. table.Select(c => (c[0].Trim('`'), c[1], c[2], c[3]))];
    }
}
