using Faq.Core.Review;

namespace Faq.Core.Tests.Review;

public sealed class RedactorTests
{
    [Theory]
    [InlineData("email me at ana.silva+pt@example.org please", "email me at [email] please")]
    [InlineData("call 555-010-0199 after 5", "call [phone] after 5")]
    [InlineData("my cell is +1 (555) 010 0199", "my cell is [phone]")]
    [InlineData("UK number 07700 900123", "UK number [phone]")]
    [InlineData("member id 884422119 on my card", "member id [number] on my card")]
    [InlineData("born 12031985", "born [number]")]
    [InlineData("My name is Ana Silva and my heel hurts", "My name is [name] and my heel hurts")]
    [InlineData("hi, I'm Tom. can I run after needling?", "hi, I'm [name]. can I run after needling?")]
    [InlineData("this is Maria from 5th street", "this is [name] from 5th street")]
    [InlineData("call me Jo", "call me [name]")]
    public void PersonalDetailsAreRedacted(string message, string expected) =>
        Assert.Equal(expected, Redactor.Redact(message));

    [Theory]
    [InlineData("is soreness normal for 24-48 hours?")]
    [InlineData("I'm worried about needles")]
    [InlineData("I'm pregnant, is it ok?")]
    [InlineData("how many sessions, 2 or 3?")]
    [InlineData("on a scale of 1-10 how much does it hurt")]
    [InlineData("does it help plantar fasciitis in 2024 studies")]
    public void OrdinaryQuestionsAreLeftAlone(string message) =>
        Assert.Equal(message, Redactor.Redact(message));
}
