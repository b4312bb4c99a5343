using Faq.Core.Answering;
using Faq.Core.Matching;
using Faq.Core.Triage;
using Faq.Tests.Shared;

namespace Faq.Core.Tests.Answering;

public sealed class FaqAnswererTests
{
    private static FaqAnswerer Answerer(AnsweringOptions? options = null, ClinicProfile? clinic = null) =>
        new(options ?? new AnsweringOptions(), clinic ?? new ClinicProfile(), new UrgentTriage(SharedEmbedder.Instance));

    [Fact]
    public async Task AClearMatchIsAnsweredWithItsEntryAndRelatedSuggestions()
    {
        var index = await TestData.IndexAsync(TestData.CuratedEntries());
        var reply = await Answerer().AnswerAsync(index, "Does dry needling hurt?");
        Assert.Equal(AnswerOutcome.Answered, reply.Outcome);
        Assert.Equal("is-it-painful", reply.FaqId);
        Assert.InRange(reply.Confidence, 0.5, 1);
        Assert.Equal(["side-effects", "what-to-expect", "aftercare"], reply.Suggestions.Select(s => s.FaqId));
        Assert.False(string.IsNullOrWhiteSpace(reply.Disclaimer));
    }

    [Fact]
    public async Task AnOffTopicQuestionFallsBackWithoutAnEntry()
    {
        var index = await TestData.IndexAsync(TestData.CuratedEntries());
        var reply = await Answerer().AnswerAsync(index, "What is the capital of France?");
        Assert.Equal(AnswerOutcome.Fallback, reply.Outcome);
        Assert.Null(reply.FaqId);
        Assert.False(string.IsNullOrWhiteSpace(reply.Disclaimer));
    }

    [Fact]
    public async Task TwoCloseEntriesGetAClarifyReplyOfferingBoth()
    {
        var index = await TestData.IndexAsync(
        [
            TestData.Entry("run-after", "Can I run after dry needling?"),
            TestData.Entry("run-before", "Can I run before dry needling?"),
            TestData.Entry("cost", "How much does it cost?"),
        ]);
        var options = new AnsweringOptions { AnswerThreshold = 0.5, ClarifyThreshold = 0.05, ClarifyMargin = 0.5 };
        var reply = await Answerer(options).AnswerAsync(index, "can I run with dry needling");
        Assert.Equal(AnswerOutcome.Clarify, reply.Outcome);
        Assert.Null(reply.FaqId);
        Assert.Equal(["run-after", "run-before"], reply.Suggestions.Select(s => s.FaqId).Order());
    }

    [Fact]
    public async Task UrgentMessagesGetTheEmergencyReplyAndNoFaqAnswer()
    {
        var index = await TestData.IndexAsync(TestData.CuratedEntries());
        var clinic = new ClinicProfile { Name = "Heel Clinic", Phone = "555-0100", EmergencyNumber = "112" };
        var reply = await Answerer(clinic: clinic).AnswerAsync(index, "I can't breathe after dry needling");
        Assert.Equal(AnswerOutcome.Urgent, reply.Outcome);
        Assert.Null(reply.FaqId);
        Assert.Empty(reply.Candidates);
        Assert.StartsWith("This could be serious. Call 112", reply.Answer, StringComparison.Ordinal);
        Assert.Contains("555-0100", reply.Answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SelfHarmGetsTheCrisisLine()
    {
        var index = await TestData.IndexAsync(TestData.CuratedEntries());
        var reply = await Answerer().AnswerAsync(index, "I want to end my life");
        Assert.Equal(AnswerOutcome.Urgent, reply.Outcome);
        Assert.Contains("988", reply.Answer, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("I swallowed all my sleeping tablets")]
    [InlineData("I took an overdose an hour ago")]
    public async Task AnOverdoseGetsTheCrisisLineNamedAsSelfHarm(string message)
    {
        var index = await TestData.IndexAsync(TestData.CuratedEntries());
        var reply = await Answerer().AnswerAsync(index, message);
        Assert.Equal(AnswerOutcome.Urgent, reply.Outcome);
        Assert.Contains("988", reply.Answer, StringComparison.Ordinal);
        Assert.Equal("self-harm", reply.Triage.CategoryId);
        Assert.Equal(UrgentReply.CrisisLine, reply.Triage.Reply);
    }

    [Theory]
    [InlineData("my face is swelling up and I'm covered in hives", "anaphylaxis")]
    [InlineData("my toes have gone white and cold and they really hurt", "cold-limb")]
    public async Task AnUrgentReplyCarriesItsCategoryForIntegrations(string message, string category)
    {
        var index = await TestData.IndexAsync(TestData.CuratedEntries());
        var reply = await Answerer().AnswerAsync(index, message);
        Assert.Equal(AnswerOutcome.Urgent, reply.Outcome);
        Assert.Equal(category, reply.Triage.CategoryId);
        Assert.StartsWith("This could be serious.", reply.Answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheAnswererWithoutATriageArgumentTriagesWithoutTheModel()
    {
        var index = await TestData.IndexAsync(TestData.CuratedEntries());
        var answerer = new FaqAnswerer(new AnsweringOptions(), new ClinicProfile());
        Assert.Same(UrgentTriage.WithoutModel, answerer.Triage);
        var reply = await answerer.AnswerAsync(index, "I had a heart attack back in 2015, can I still have dry needling?");
        Assert.NotEqual(AnswerOutcome.Urgent, reply.Outcome);
    }

    [Fact]
    public async Task ClinicPlaceholdersAreFilledFromConfiguration()
    {
        var index = await TestData.IndexAsync(TestData.CuratedEntries());
        var clinic = new ClinicProfile { Name = "Stride Physio", Phone = "555-0142", BookingUrl = "https://example.org/book" };
        var reply = await Answerer(clinic: clinic).AnswerAsync(index, "How do I book a dry needling appointment?");
        Assert.Equal("booking", reply.FaqId);
        Assert.Contains("Stride Physio", reply.Answer, StringComparison.Ordinal);
        Assert.Contains("555-0142", reply.Answer, StringComparison.Ordinal);
        Assert.Contains("https://example.org/book", reply.Answer, StringComparison.Ordinal);
        Assert.DoesNotContain("{", reply.Answer, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("hi")]
    [InlineData("Hello there!")]
    [InlineData("Good morning")]
    public async Task GreetingsGetAGreetingWithStarterQuestions(string message)
    {
        var index = await TestData.IndexAsync(TestData.CuratedEntries());
        var reply = await Answerer().AnswerAsync(index, message);
        Assert.Equal(AnswerOutcome.SmallTalk, reply.Outcome);
        Assert.Equal(1, reply.Confidence);
        Assert.StartsWith("Hi!", reply.Answer, StringComparison.Ordinal);
        Assert.Equal(3, reply.Suggestions.Count);
        Assert.False(string.IsNullOrWhiteSpace(reply.Disclaimer));
    }

    [Theory]
    [InlineData("thanks!", "You're welcome")]
    [InlineData("thank you so much", "You're welcome")]
    [InlineData("Cheers, that was helpful", "You're welcome")]
    [InlineData("bye", "Take care")]
    [InlineData("thanks, bye!", "Take care")]
    [InlineData("ok", "anything else")]
    [InlineData("great, got it", "anything else")]
    public async Task ThanksGoodbyesAndAcknowledgementsGetAShortFittingReplyNotTheGreeting(string message, string expected)
    {
        var index = await TestData.IndexAsync(TestData.CuratedEntries());
        var reply = await Answerer().AnswerAsync(index, message);
        Assert.Equal(AnswerOutcome.SmallTalk, reply.Outcome);
        Assert.Contains(expected, reply.Answer, StringComparison.Ordinal);
        Assert.DoesNotContain("Hi!", reply.Answer, StringComparison.Ordinal);
        Assert.Empty(reply.Suggestions);
        Assert.False(string.IsNullOrWhiteSpace(reply.Disclaimer));
    }

    [Theory]
    [InlineData("hola", "¡Hola!", 3)]
    [InlineData("buenas tardes", "¡Hola!", 3)]
    [InlineData("muchas gracias!", "De nada", 0)]
    [InlineData("gracias, muy amable", "De nada", 0)]
    [InlineData("adios, gracias", "Cuídese", 0)]
    [InlineData("ok, perfecto", "algo más", 0)]
    public async Task SpanishSmallTalkGetsItsOwnSpanishReply(string message, string expected, int starters)
    {
        var index = await TestData.IndexAsync(TestData.CuratedEntries());
        var reply = await Answerer().AnswerAsync(index, message, languageHint: "es", previousTopic: null);
        Assert.Equal(AnswerOutcome.SmallTalk, reply.Outcome);
        Assert.Equal("es", reply.Language);
        Assert.Contains(expected, reply.Answer, StringComparison.Ordinal);
        Assert.Equal(starters, reply.Suggestions.Count);
    }

    [Theory]
    [InlineData("ok so is it safe?")]
    [InlineData("thanks, and how many sessions will I need?")]
    [InlineData("help")]
    public async Task SmallTalkWrappedAroundAQuestionIsMatchedAsAQuestion(string message)
    {
        var index = await TestData.IndexAsync(TestData.CuratedEntries());
        var reply = await Answerer().AnswerAsync(index, message);
        Assert.NotEqual(AnswerOutcome.SmallTalk, reply.Outcome);
    }

    [Fact]
    public async Task IFeelDizzyAfterMySessionIsAnsweredWithTheSideEffects()
    {
        var index = await TestData.IndexAsync(TestData.CuratedEntries());
        var reply = await Answerer().AnswerAsync(index, "i feel dizzy after my session");
        Assert.Equal(AnswerOutcome.Answered, reply.Outcome);
        Assert.Equal("side-effects", reply.FaqId);

        // Dizziness with a sign of an emergency is still urgent.
        foreach (var urgent in new[] { "my heart is racing and I feel dizzy", "I hit my head on the table and now I'm dizzy and confused", "I'm dizzy and my face is drooping on one side" })
        {
            Assert.Equal(AnswerOutcome.Urgent, (await Answerer().AnswerAsync(index, urgent)).Outcome);
        }
    }

    [Fact]
    public async Task RepliesOfferTheConfiguredContactActionsAndNoneWhenNothingIsConfigured()
    {
        var index = await TestData.IndexAsync(TestData.CuratedEntries());
        var clinic = new ClinicProfile { Phone = "(555) 010-0", BookingUrl = "https://clinic.example/book", Email = "desk@clinic.example" };
        var fallback = await Answerer(clinic: clinic).AnswerAsync(index, "What is the capital of France?");
        Assert.Equal(
            [("call", "Call (555) 010-0", "tel:5550100"), ("book", "Book online", "https://clinic.example/book"), ("email", "Email desk@clinic.example", "mailto:desk@clinic.example")],
            fallback.Contact.Select(a => (a.Kind, a.Label, a.Href)));
        var urgent = await Answerer(clinic: clinic).AnswerAsync(index, "I can't breathe");
        Assert.Empty(urgent.Contact);

        var none = await Answerer().AnswerAsync(index, "What is the capital of France?");
        Assert.Empty(none.Contact);
    }

    [Theory]
    [InlineData("How much does dry needling cost?")]
    [InlineData("How do I book a dry needling appointment?")]
    [InlineData("What is the capital of France?")]
    public async Task WithoutContactDetailsRepliesDoNotRepeatFiller(string question)
    {
        var index = await TestData.IndexAsync(TestData.CuratedEntries());
        var reply = await Answerer().AnswerAsync(index, question);
        Assert.DoesNotContain("Please contact", reply.Answer, StringComparison.Ordinal);
        Assert.DoesNotContain("  ", reply.Answer, StringComparison.Ordinal);
        Assert.DoesNotContain("{", reply.Answer, StringComparison.Ordinal);
        Assert.True(System.Text.RegularExpressions.Regex.Count(reply.Answer, "front desk") <= 1, reply.Answer);
    }

    [Fact]
    public async Task AGreetingOffersTheClinicsStartersFirstInItsOrderSkippingUnknownIds()
    {
        var index = await TestData.IndexAsync(TestData.CuratedEntries());
        var answerer = new FaqAnswerer(new AnsweringOptions(), new ClinicProfile(), ["side-effects", "no-such-entry", "is-it-painful"]);
        var reply = await answerer.AnswerAsync(index, "hello");
        Assert.Equal(["side-effects", "is-it-painful", index.Entries.First(e => e.Id is not ("side-effects" or "is-it-painful")).Id], reply.Suggestions.Select(s => s.FaqId));
    }

    [Fact]
    public async Task AGreetingWithAQuestionIsAnsweredAsAQuestion()
    {
        var index = await TestData.IndexAsync(TestData.CuratedEntries());
        var reply = await Answerer().AnswerAsync(index, "hi, does dry needling hurt?");
        Assert.Equal("is-it-painful", reply.FaqId);
    }

    [Fact]
    public void AnEmptyDisclaimerIsRejected() =>
        Assert.Throws<ArgumentException>(() => Answerer(new AnsweringOptions { Disclaimer = " " }));

    [Fact]
    public void ThresholdsOutOfOrderAreRejected() =>
        Assert.Throws<ArgumentException>(() => Answerer(new AnsweringOptions { AnswerThreshold = 0.3, ClarifyThreshold = 0.6 }));

    [Theory]
    [InlineData(null, null, null, "")]
    [InlineData("555-0100", null, null, "You can call 555-0100.")]
    [InlineData("555-0100", "https://x.test/book", null, "You can call 555-0100 or book online at https://x.test/book.")]
    [InlineData("555-0100", "https://x.test/book", "hi@x.test", "You can call 555-0100, book online at https://x.test/book or email hi@x.test.")]
    public void TheContactSentenceUsesOnlyWhatIsConfigured(string? phone, string? url, string? email, string expected) =>
        Assert.Equal(expected, new ClinicProfile { Phone = phone, BookingUrl = url, Email = email }.ContactSentence());

    [Theory]
    [InlineData(null, "Escriba a la recepción de la clínica. Gracias.")]
    [InlineData("555-0100", "Escriba a la recepción de la clínica. Puede llamar al 555-0100. Gracias.")]
    public void SpanishTextsGetSpanishClinicPhrasesAndLoseAnEmptyContactCleanly(string? phone, string expected) =>
        Assert.Equal(expected, new ClinicProfile { Phone = phone }.Render("Escriba a {email}. {contact} Gracias.", Faq.Core.Languages.FaqLanguages.Spanish));

    [Fact]
    public async Task WhenTheEmbeddingServiceFailsTheReplyIsKeywordOnlyAndMarkedDegraded()
    {
        var service = TestData.GeneratorThatCanFail(new TimeoutException());
        var index = await FaqIndex.BuildAsync(TestData.CuratedEntries(), Faq.Core.Analysis.TextAnalyzer.Default, service.Generator);
        service.Fail();

        var reply = await Answerer().AnswerAsync(index, "How many dry needling sessions will I need?");

        Assert.True(reply.Degraded);
        Assert.Equal(AnswerOutcome.Answered, reply.Outcome);
        Assert.Equal("how-many-sessions", reply.FaqId);
    }
}
