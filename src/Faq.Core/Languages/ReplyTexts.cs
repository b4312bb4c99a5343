using Faq.Core.Answering;

namespace Faq.Core.Languages;

/// <summary>The fixed texts of replies in one language, and the clinic's details rendered in it.</summary>
internal sealed class ReplyTexts
{
    private readonly ClinicProfile _clinic;

    public ReplyTexts(AnsweringOptions options, ClinicProfile clinic, string language)
    {
        _clinic = clinic;
        var localized = options.Languages.For(language);
        Language = localized is null ? FaqLanguages.English : language;
        Disclaimer = localized?.Disclaimer ?? options.Disclaimer;
        ClarifyMessage = localized?.ClarifyMessage ?? options.ClarifyMessage;
        FallbackMessage = localized?.FallbackMessage ?? options.FallbackMessage;
        GreetingMessage = localized?.GreetingMessage ?? options.GreetingMessage;
        ThanksMessage = localized?.ThanksMessage ?? options.ThanksMessage;
        GoodbyeMessage = localized?.GoodbyeMessage ?? options.GoodbyeMessage;
        AcknowledgementMessage = localized?.AcknowledgementMessage ?? options.AcknowledgementMessage;
        UrgentMessage = localized?.UrgentMessage ?? options.UrgentMessage;
        CrisisMessage = localized?.CrisisMessage ?? options.CrisisMessage;
        UntranslatedNote = localized?.UntranslatedNote ?? string.Empty;
    }

    public string Language { get; }

    public string Disclaimer { get; }

    public string ClarifyMessage { get; }

    public string FallbackMessage { get; }

    public string GreetingMessage { get; }

    public string ThanksMessage { get; }

    public string GoodbyeMessage { get; }

    public string AcknowledgementMessage { get; }

    public string UrgentMessage { get; }

    public string CrisisMessage { get; }

    public string UntranslatedNote { get; }

    /// <summary>The reply to a kind of small talk.</summary>
    public string SmallTalkMessage(SmallTalkKind kind) => kind switch
    {
        SmallTalkKind.Greeting => GreetingMessage,
        SmallTalkKind.Thanks => ThanksMessage,
        SmallTalkKind.Goodbye => GoodbyeMessage,
        _ => AcknowledgementMessage,
    };

    public string Render(string template) => _clinic.Render(template, Language);
}
