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
        UrgentMessage = localized?.UrgentMessage ?? options.UrgentMessage;
        CrisisMessage = localized?.CrisisMessage ?? options.CrisisMessage;
        UntranslatedNote = localized?.UntranslatedNote ?? string.Empty;
    }

    public string Language { get; }

    public string Disclaimer { get; }

    public string ClarifyMessage { get; }

    public string FallbackMessage { get; }

    public string GreetingMessage { get; }

    public string UrgentMessage { get; }

    public string CrisisMessage { get; }

    public string UntranslatedNote { get; }

    public string Render(string template) => _clinic.Render(template, Language);
}
