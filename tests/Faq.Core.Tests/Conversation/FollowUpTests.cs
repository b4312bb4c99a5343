using Faq.Core.Answering;
using Faq.Core.Conversation;
using Faq.Core.Evaluation;
using Faq.Core.Triage;
using Faq.Tests.Shared;
using Xunit.Abstractions;

namespace Faq.Core.Tests.Conversation;

public sealed class FollowUpTests(ITestOutputHelper output)
{
    private static FaqAnswerer Answerer() => new(new AnsweringOptions(), new ClinicProfile(), new UrgentTriage(SharedEmbedder.Instance));

    [Theory]
    [InlineData("can dry needling help with it?", true)]
    [InlineData("and how long does that last?", true)]
    [InlineData("is it safe for that?", true)]
    [InlineData("what about the gym?", true)]
    [InlineData("how many sessions would that take?", true)]
    [InlineData("does it hurt?", false)]
    [InlineData("is it safe?", false)]
    [InlineData("Can dry needling help plantar fasciitis?", false)]
    [InlineData("is dry needling the same as acupuncture", false)]
    [InlineData("is it normal to feel sore and bruised in my calf after that", false)]
    [InlineData("", false)]
    public void AQuestionIsAFollowUpWhenItPointsBackAndNamesLittleOfItsOwn(string message, bool incomplete) =>
        Assert.Equal(incomplete, FollowUp.IsIncomplete(message));

    [Fact]
    public async Task AFollowUpIsMatchedWithThePreviousTopic()
    {
        var index = await TestData.IndexAsync(TestData.CuratedEntries());
        var first = await Answerer().AnswerAsync(index, "What is plantar fasciitis?");
        Assert.Equal("plantar-fasciitis-causes", first.FaqId);

        var alone = await Answerer().AnswerAsync(index, "can dry needling help with it?");
        Assert.NotEqual("plantar-fasciitis", alone.FaqId);

        var followUp = await Answerer().AnswerAsync(index, "can dry needling help with it?", languageHint: null, previousTopic: first.FaqId);
        Assert.Equal(AnswerOutcome.Answered, followUp.Outcome);
        Assert.Equal("plantar-fasciitis", followUp.FaqId);
        Assert.Equal("plantar-fasciitis-causes", followUp.ContextFaqId);
    }

    [Fact]
    public async Task ACompleteQuestionIsJudgedAloneEvenInAConversation()
    {
        var index = await TestData.IndexAsync(TestData.CuratedEntries());
        var reply = await Answerer().AnswerAsync(index, "does dry needling hurt?", languageHint: null, previousTopic: "plantar-fasciitis-causes");
        Assert.Equal("is-it-painful", reply.FaqId);
        Assert.Null(reply.ContextFaqId);
    }

    [Fact]
    public async Task UrgentTriageReadsTheMessageAloneFirst()
    {
        var index = await TestData.IndexAsync(TestData.CuratedEntries());
        var reply = await Answerer().AnswerAsync(index, "it won't stop bleeding", languageHint: null, previousTopic: "side-effects");
        Assert.Equal(AnswerOutcome.Urgent, reply.Outcome);
        Assert.Null(reply.ContextFaqId);
    }

    [Theory]
    [InlineData("followups.dev.jsonl", 0.8)]
    [InlineData("followups.test.jsonl", 0.85)]
    public async Task LabelledConversationsAreAnsweredBetterWithContextThanAlone(string file, double minimumRight)
    {
        var conversations = FollowUpConversation.ParseLines(await File.ReadAllTextAsync(TestData.Path("data", "eval", file)));
        var index = await TestData.IndexAsync(TestData.CuratedEntries());
        var (report, _) = await FollowUpEvaluator.RunAsync(Answerer(), index, conversations);
        output.WriteLine(report.ToJson());
        Assert.True(report.LaterTurns >= 25, report.ToJson());
        Assert.True((double)report.Correct / report.LaterTurns >= minimumRight, report.ToJson());
        Assert.True(report.Correct > report.CorrectAlone, report.ToJson());
        Assert.True(report.WrongAnswers <= report.WrongAnswersAlone, report.ToJson());
    }
}

public sealed class ConversationMemoryTests
{
    private sealed class Clock : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);

        public override DateTimeOffset GetUtcNow() => Now;
    }

    private static FaqReply Reply(AnswerOutcome outcome, string? faqId = null) =>
        new(outcome, "text", faqId, 0.9, [], "disclaimer", [], TriageResult.NotUrgent, false);

    [Fact]
    public void TheTopicIsTheLastAnsweredEntryUntilItExpires()
    {
        var clock = new Clock();
        var memory = new ConversationMemory(new ConversationOptions { Expiry = TimeSpan.FromMinutes(10) }, clock);
        memory.Remember("s", Reply(AnswerOutcome.Answered, "side-effects"));
        memory.Remember("s", Reply(AnswerOutcome.SmallTalk));
        memory.Remember("s", Reply(AnswerOutcome.Clarify));
        Assert.Equal("side-effects", memory.TopicOf("s"));
        Assert.Null(memory.TopicOf("other"));
        Assert.Null(memory.TopicOf(null));

        clock.Now += TimeSpan.FromMinutes(10);
        Assert.Null(memory.TopicOf("s"));
        Assert.Equal(0, memory.Count);
    }

    [Theory]
    [InlineData(AnswerOutcome.Fallback)]
    [InlineData(AnswerOutcome.Urgent)]
    public void AFallbackOrAnUrgentReplyForgetsTheTopic(AnswerOutcome outcome)
    {
        var memory = new ConversationMemory(new ConversationOptions(), new Clock());
        memory.Remember("s", Reply(AnswerOutcome.Answered, "side-effects"));
        memory.Remember("s", Reply(outcome));
        Assert.Null(memory.TopicOf("s"));
    }

    [Fact]
    public void TheMemoryIsBoundedAndForgetsTheLeastRecentlyActiveFirst()
    {
        var clock = new Clock();
        var memory = new ConversationMemory(new ConversationOptions { MaxConversations = 100 }, clock);
        for (var i = 0; i < 500; i++)
        {
            clock.Now += TimeSpan.FromMilliseconds(1);
            memory.Remember("s" + i.ToString(System.Globalization.CultureInfo.InvariantCulture), Reply(AnswerOutcome.Answered, "side-effects"));
        }

        Assert.InRange(memory.Count, 1, 100);
        Assert.Equal("side-effects", memory.TopicOf("s499"));
        Assert.Null(memory.TopicOf("s0"));
    }

    [Fact]
    public void InvalidOptionsAreRejected() =>
        Assert.Throws<ArgumentException>(() => new ConversationMemory(new ConversationOptions { Expiry = TimeSpan.Zero }, TimeProvider.System));
}
