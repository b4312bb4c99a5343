using Faq.Core.Review;
using Faq.Tests.Shared;
using Microsoft.Extensions.AI;

namespace Faq.Core.Tests.Review;

/// <summary>The review queue's grouping, with the app's real sentence-embedding model.</summary>
public sealed class QuestionGrouperTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);

    private static List<UnansweredQuestion> Questions(params string[] wordings) =>
        [.. wordings.Select((w, i) => new UnansweredQuestion($"q{i:D2}", w, Start.AddMinutes(i), "fallback", 0.1, []))];

    private static readonly Lazy<Task<float[]?>> Topic = new(async () => (await TestData.IndexAsync(TestData.CuratedEntries())).TopicVector);

    private static async Task<IReadOnlyList<QuestionGroup>> Group(params string[] wordings) =>
        await new QuestionGrouper(SharedEmbedder.Instance).GroupAsync(Questions(wordings), await Topic.Value);

    private static string[] Members(IReadOnlyList<QuestionGroup> groups, string wording) =>
        [.. groups.Single(g => g.Members.Any(m => m.Question == wording)).Members.Select(m => m.Question).Order(StringComparer.Ordinal)];

    [Fact]
    public async Task ParaphrasesOfOneQuestionFormOneGroupAndOtherQuestionsStayApart()
    {
        string[] wear = ["what should I wear", "what clothes should I wear to my appointment", "do I need to wear anything special for dry needling"];
        string[] kids = ["can kids have it", "can children get dry needling"];
        var groups = await Group(wear[0], kids[0], "do you take my insurance", wear[1], "does dry needling hurt", "can I do the session by video call", kids[1], wear[2]);

        Assert.Equal(wear.Order(StringComparer.Ordinal), Members(groups, wear[0]));
        Assert.Equal(kids.Order(StringComparer.Ordinal), Members(groups, kids[0]));
        Assert.Equal(["do you take my insurance"], Members(groups, "do you take my insurance"));
        Assert.Equal(["can I do the session by video call"], Members(groups, "can I do the session by video call"));
        // Naming the treatment does not make two questions one: without the FAQ's topic taken out it would.
        Assert.Equal(["does dry needling hurt"], Members(groups, "does dry needling hurt"));
        Assert.Equal(5, groups.Count);
    }

    [Fact]
    public async Task AGroupIsNamedAfterItsOldestQuestionListsTheNewestFirstAndTheLargestComesFirst()
    {
        var groups = await Group("how much does parking cost", "what should I wear", "what clothes should I wear to my appointment", "what should I wear to dry needling");

        var wear = groups[0];
        Assert.Equal(3, wear.Count);
        Assert.Equal("q01", wear.Id);
        Assert.Equal("what should I wear", wear.Representative.Question);
        Assert.Equal(["q03", "q02", "q01"], wear.Members.Select(m => m.Id));
        Assert.Equal(Start.AddMinutes(1), wear.FirstAsked);
        Assert.Equal(Start.AddMinutes(3), wear.LastAsked);
        Assert.Equal("q00", groups[1].Id);
    }

    [Fact]
    public async Task WithoutTheModelIdenticalWordingsStillGroupAndNothingFails()
    {
        var grouper = new QuestionGrouper(new FailingGenerator());
        var groups = await grouper.GroupAsync(Questions("What should I wear?", "what should i wear", "can kids have it"));

        Assert.Equal(2, groups.Count);
        Assert.Equal(2, groups[0].Count);
        Assert.Equal("q00", groups[0].Id);
    }

    private sealed class FailingGenerator : IEmbeddingGenerator<string, Embedding<float>>
    {
        public Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default) =>
            throw new InvalidOperationException("The model is not loaded.");

        public object? GetService(Type serviceType, object? serviceKey = null) => null;

        public void Dispose()
        {
        }
    }
}
