using Faq.Core.Triage;

namespace Faq.Core.Tests.Triage;

public sealed class UrgentTriageTests
{
    [Theory]
    [InlineData("I can't breathe properly", UrgentCategory.Breathing)]
    [InlineData("Short of breath since the needles in my upper back", UrgentCategory.Breathing)]
    [InlineData("it hurts to breathe after my session", UrgentCategory.Breathing)]
    [InlineData("I think I have a collapsed lung", UrgentCategory.Breathing)]
    [InlineData("think i punctured my lung", UrgentCategory.Breathing)]
    [InlineData("my chest really hurts", UrgentCategory.ChestPain)]
    [InlineData("there's a crushing pressure across my chest", UrgentCategory.ChestPain)]
    [InlineData("I have CHEST PAIN", UrgentCategory.ChestPain)]
    [InlineData("pain in my chest going down my left arm", UrgentCategory.ChestPain)]
    [InlineData("fever and the spot is red and swollen", UrgentCategory.Infection)]
    [InlineData("the redness around the needle site is spreading", UrgentCategory.Infection)]
    [InlineData("there's pus coming out", UrgentCategory.Infection)]
    [InlineData("I got chills and a temperature since my treatment", UrgentCategory.Infection)]
    [InlineData("I fainted and now I'm confused", UrgentCategory.Consciousness)]
    [InlineData("my husband passed out and won't wake up", UrgentCategory.Emergency)]
    [InlineData("my calf is swollen, hot and red", UrgentCategory.Clot)]
    [InlineData("could this be a DVT?", UrgentCategory.Clot)]
    [InlineData("the bleeding won't stop", UrgentCategory.Bleeding)]
    [InlineData("I can't stop the bleeding", UrgentCategory.Bleeding)]
    [InlineData("there is blood everywhere and the needle spot keeps bleeding", UrgentCategory.Bleeding)]
    [InlineData("I want to kill myself", UrgentCategory.SelfHarm)]
    [InlineData("thinking about ending my life", UrgentCategory.SelfHarm)]
    [InlineData("I keep cutting myself", UrgentCategory.SelfHarm)]
    [InlineData("Can dry needling help? I want to die", UrgentCategory.SelfHarm)]
    [InlineData("call 911 please", UrgentCategory.Emergency)]
    [InlineData("I'm having a heart attack", UrgentCategory.Emergency)]
    [InlineData("my face is drooping and my speech is slurred", UrgentCategory.Emergency)]
    [InlineData("Is it normal to be short of breath after dry needling?", UrgentCategory.Breathing)]
    [InlineData("can dry needling cause chest pain? I have chest pain right now", UrgentCategory.ChestPain)]
    [InlineData("I can barely breathe", UrgentCategory.Breathing)]
    [InlineData("i cant get a full breath since the needling this morning", UrgentCategory.Breathing)]
    [InlineData("I can't seem to breathe", UrgentCategory.Breathing)]
    [InlineData("my wife collapsed and isn't responding", UrgentCategory.Emergency)]
    [InlineData("he is not breathing", UrgentCategory.Emergency)]
    public void EmergenciesAreTriagedAsUrgent(string message, UrgentCategory expected)
    {
        var result = UrgentTriage.Assess(message);
        Assert.True(result.IsUrgent);
        Assert.Equal(expected, result.Category);
        Assert.False(string.IsNullOrEmpty(result.Reason));
    }

    [Theory]
    [InlineData("Does dry needling hurt?")]
    [InlineData("Can dry needling puncture a lung?")]
    [InlineData("Can you faint from dry needling?")]
    [InlineData("is it normal to bleed a little after needling")]
    [InlineData("How common are infections from dry needling?")]
    [InlineData("Can dry needling cause blood clots?")]
    [InlineData("my heel has been killing me for months")]
    [InlineData("I'm sore the day after, is that normal?")]
    [InlineData("Can I run a race after dry needling?")]
    [InlineData("what should I do about redness after icing")]
    [InlineData("Is dry needling an emergency treatment?")]
    [InlineData("Can needling in the chest area puncture a lung?")]
    [InlineData("Is it safe to needle near the chest?")]
    [InlineData("my plantar fasciitis is not responding to stretching, would dry needling help?")]
    [InlineData("my heel pain isn't responding to treatment")]
    [InlineData("is it hard to breathe during dry needling?")]
    [InlineData("i can barely walk in the morning because of heel pain")]
    public void EverydayQuestionsAreNotUrgent(string message) =>
        Assert.False(UrgentTriage.Assess(message).IsUrgent, message);
}
