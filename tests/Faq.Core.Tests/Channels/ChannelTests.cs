using Faq.Core.Answering;
using Faq.Core.Channels;
using Faq.Core.Triage;

namespace Faq.Core.Tests.Channels;

public sealed class ChannelTests
{
    private const string Disclaimer = "This is general information, not medical advice. Please talk to your clinician.";

    private static FaqReply Reply(string answer, AnswerOutcome outcome = AnswerOutcome.Answered, params Suggestion[] suggestions) =>
        new(outcome, answer, outcome == AnswerOutcome.Answered ? "x" : null, 0.9, suggestions, Disclaimer, [], TriageResult.NotUrgent, false);

    [Fact]
    public void FallbackAndClarifyTextOnMessagingEndsWithTheWaysToReachAPersonNeverCut()
    {
        var contact = new ClinicProfile { Phone = "555-0100", BookingUrl = "https://clinic.example/book", Email = "desk@clinic.example" }.ContactActions();
        var fallback = Reply("Not sure.", AnswerOutcome.Fallback) with { Contact = contact };
        Assert.EndsWith("\n\nTo talk to a person: call 555-0100, book online at https://clinic.example/book or email desk@clinic.example.", ChannelText.ShapeAnswer(fallback), StringComparison.Ordinal);

        var long_ = Reply(string.Concat(Enumerable.Repeat("A sentence about needling and calves. ", 60)), AnswerOutcome.Clarify) with { Contact = contact };
        var message = ChannelText.Message(long_);
        Assert.True(message.Length <= ChannelText.MaxMessageLength);
        Assert.Contains("To talk to a person: call 555-0100", message, StringComparison.Ordinal);

        var answered = Reply("Yes.") with { Contact = contact };
        Assert.Equal("Yes.", ChannelText.ShapeAnswer(answered));
        Assert.Equal("Not sure.", ChannelText.ShapeAnswer(Reply("Not sure.", AnswerOutcome.Fallback)));
    }

    [Fact]
    public void ALongAnswerIsCutAtASentenceWithAPointerAndTheDisclaimerIntact()
    {
        var sentence = "Dry needling targets trigger points in tight muscles. ";
        var reply = Reply(string.Concat(Enumerable.Repeat(sentence, 60)));
        var message = ChannelText.Message(reply);

        Assert.True(message.Length <= ChannelText.MaxMessageLength, message.Length.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.EndsWith(Disclaimer, message, StringComparison.Ordinal);
        var answer = ChannelText.ShapeAnswer(reply);
        Assert.EndsWith("muscles. " + ChannelText.Shortened, answer, StringComparison.Ordinal);
    }

    [Fact]
    public void AShortAnswerIsUntouched() =>
        Assert.Equal("Short answer.", ChannelText.ShapeAnswer(Reply("Short answer.")));

    [Fact]
    public void FallbacksListTheirSuggestionsAsPlainText()
    {
        var answer = ChannelText.ShapeAnswer(Reply("Not sure.", AnswerOutcome.Fallback, new Suggestion("a", "Does it hurt?"), new Suggestion("b", "Is it safe?")));
        Assert.Equal("Not sure.\n\nYou can ask:\n- Does it hurt?\n- Is it safe?", answer);
    }

    [Fact]
    public void MarkupIsRemoved() =>
        Assert.Equal("Bold and a link.", ChannelText.ShapeAnswer(Reply("<b>Bold</b> and <a href=\"x\">a link</a>.")));

    [Theory]
    [InlineData(null, Channel.Web)]
    [InlineData("SMS", Channel.Sms)]
    [InlineData("whatsapp", Channel.WhatsApp)]
    [InlineData("api", Channel.Api)]
    public void ChannelNamesParse(string? name, Channel expected)
    {
        Assert.True(ChannelText.TryParse(name, out var channel));
        Assert.Equal(expected, channel);
    }

    [Fact]
    public void UnknownChannelsDoNotParse() => Assert.False(ChannelText.TryParse("fax", out _));
}
