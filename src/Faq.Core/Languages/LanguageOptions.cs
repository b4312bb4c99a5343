using Faq.Core.Matching;

namespace Faq.Core.Languages;

/// <summary>
/// The fixed texts of replies in one language other than English, and the calibrated fusion of that language's index
/// (configuration <c>Faq:Answering:Languages:{code}:*</c>). English's are <see cref="Answering.AnsweringOptions"/>'s own.
/// </summary>
public sealed class LanguageOptions
{
    /// <summary>Shown with every reply in this language. Must not be empty.</summary>
    public string Disclaimer { get; set; } = string.Empty;

    /// <summary>Text of a clarify reply.</summary>
    public string ClarifyMessage { get; set; } = string.Empty;

    /// <summary>Text of a fallback reply; clinic placeholders are filled in.</summary>
    public string FallbackMessage { get; set; } = string.Empty;

    /// <summary>Reply to a greeting.</summary>
    public string GreetingMessage { get; set; } = string.Empty;

    /// <summary>Reply to thanks.</summary>
    public string ThanksMessage { get; set; } = string.Empty;

    /// <summary>Reply to a goodbye.</summary>
    public string GoodbyeMessage { get; set; } = string.Empty;

    /// <summary>Reply to an acknowledgement ("ok", "vale").</summary>
    public string AcknowledgementMessage { get; set; } = string.Empty;

    /// <summary>Text of an urgent reply. Placeholders: {emergency}, {clinic}, {onPhone}.</summary>
    public string UrgentMessage { get; set; } = string.Empty;

    /// <summary>Text of an urgent reply to thoughts of suicide or self-harm. Placeholders: {crisisLine}, {emergency}.</summary>
    public string CrisisMessage { get; set; } = string.Empty;

    /// <summary>The one line put before an English answer when the entry has no text in this language.</summary>
    public string UntranslatedNote { get; set; } = string.Empty;

    /// <summary>The reply to an SMS or WhatsApp "HELP" (or empty) message. Placeholders: {clinic}, {contact}.</summary>
    public string MessagingHelp { get; set; } = string.Empty;

    /// <summary>The calibrated fusion of this language's index (fitted on this language's dev set).</summary>
    public Fusion Fusion { get; set; } = new();

    /// <summary>The shipped Spanish texts and the Spanish index's fusion, fitted on <c>data/eval/dry-needling.es.dev.jsonl</c>.</summary>
    public static LanguageOptions SpanishDefaults() => new()
    {
        Disclaimer = "Esta es información general, no un consejo médico. Hable con su fisioterapeuta, podólogo o médico sobre su caso.",
        ClarifyMessage = "Quiero asegurarme de responder la pregunta correcta. ¿Se refiere a alguna de estas?",
        FallbackMessage = "Lo siento, no tengo una respuesta confiable para eso. Puedo responder preguntas comunes sobre la punción seca y el dolor de pie y tobillo. Para cualquier otra cosa, o sobre su propio cuidado, consulte directamente a {clinic}. {contact}",
        GreetingMessage = "¡Hola! Puedo responder preguntas comunes sobre la punción seca y el dolor de pie y tobillo. ¿Qué le gustaría saber?",
        ThanksMessage = "¡De nada! Pregúnteme cualquier otra cosa sobre la punción seca cuando quiera.",
        GoodbyeMessage = "¡Cuídese! Aquí estaré si le surge alguna otra pregunta.",
        AcknowledgementMessage = "¿Hay algo más que le gustaría saber?",
        UrgentMessage = "Esto podría ser grave. Llame ahora al {emergency} o al número de emergencias local, o vaya a la sala de emergencias más cercana. No espere una respuesta aquí. Si le hicieron punción seca hace poco, dígaselo. Cuando esté a salvo, avise a {clinic}{onPhone}.",
        CrisisMessage = "Siento mucho que esté pasando por esto, y no tiene que enfrentarlo solo. Llame o envíe un mensaje al {crisisLine} (Línea de Prevención del Suicidio y Crisis, EE. UU., con atención en español) ahora para hablar con alguien, o llame al {emergency} si está en peligro inmediato. Fuera de EE. UU., llame al número de emergencias local.",
        UntranslatedNote = "Esta respuesta todavía no está disponible en español; aquí está en inglés:",
        MessagingHelp = "Este es el asistente de preguntas frecuentes de {clinic}: escriba su pregunta sobre la punción seca o el dolor de pie y tobillo. {contact} En una emergencia, llame al {emergency}.",
        Fusion = SpanishFusion(),
    };

    /// <summary>The Spanish index's fusion weights, fitted by <c>Calibration</c> on the Spanish dev set.</summary>
    internal static Fusion SpanishFusion() => new()
    {
        ModelId = "all-MiniLM-L6-v2",
        Bias = -8.13,
        KeywordWeight = 5.332,
        EmbeddingWeight = 5.305,
        AnswerWeight = 2.171,
        KeywordOnlyBias = -3.941,
        KeywordOnlyWeight = 5.981,
        ConfidenceBias = -0.569,
        ScoreWeight = 0.471,
        LeadWeight = 1.397,
        UnknownWeight = -0.941,
        SimilarityWeight = 0.311,
        SimilarityLeadWeight = 0.642,
    };

    /// <summary>Checks the options and returns the problems found, naming the keys under <paramref name="section"/>.</summary>
    public IEnumerable<string> Validate(string section)
    {
        foreach (var (name, value) in new[]
        {
            (nameof(Disclaimer), Disclaimer), (nameof(ClarifyMessage), ClarifyMessage), (nameof(FallbackMessage), FallbackMessage),
            (nameof(GreetingMessage), GreetingMessage), (nameof(ThanksMessage), ThanksMessage), (nameof(GoodbyeMessage), GoodbyeMessage),
            (nameof(AcknowledgementMessage), AcknowledgementMessage), (nameof(UrgentMessage), UrgentMessage), (nameof(CrisisMessage), CrisisMessage),
            (nameof(UntranslatedNote), UntranslatedNote), (nameof(MessagingHelp), MessagingHelp),
        })
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                yield return $"{section}:{name} must not be empty.";
            }
        }

        if (!UrgentMessage.Contains("{emergency}", StringComparison.Ordinal))
        {
            yield return $"{section}:UrgentMessage must name the emergency number ({{emergency}}).";
        }

        if (!CrisisMessage.Contains("{crisisLine}", StringComparison.Ordinal))
        {
            yield return $"{section}:CrisisMessage must name the crisis line ({{crisisLine}}).";
        }
    }
}

/// <summary>The per-language options: configuration <c>Faq:Answering:Languages:Es:*</c>.</summary>
public sealed class LanguagesOptions
{
    /// <summary>Spanish.</summary>
    public LanguageOptions Es { get; set; } = LanguageOptions.SpanishDefaults();

    /// <summary>The options of a language other than English, or null for English (whose texts are the answering options' own).</summary>
    public LanguageOptions? For(string language) => language == FaqLanguages.Spanish ? Es : null;
}
