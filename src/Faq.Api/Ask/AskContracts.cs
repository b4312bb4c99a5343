namespace Faq.Api.Ask;

/// <summary>A patient's question.</summary>
/// <param name="Question">The question text, 1 to 500 characters.</param>
/// <param name="SessionId">Optional conversation id chosen by the caller; echoed back.</param>
/// <param name="Channel">Optional: <c>web</c> (default), <c>sms</c>, <c>whatsapp</c> or <c>api</c>.</param>
internal sealed record AskRequest(string? Question, string? SessionId, string? Channel);

/// <summary>The bot's reply.</summary>
/// <param name="Outcome"><c>answered</c>, <c>clarify</c>, <c>fallback</c> or <c>urgent</c>.</param>
/// <param name="Answer">Text for the patient.</param>
/// <param name="FaqId">The entry answered from; only when the outcome is <c>answered</c>.</param>
/// <param name="Confidence">Calibrated confidence in the best entry, 0 to 1.</param>
/// <param name="Suggestions">Follow-up questions (answered), the candidates (clarify) or nearby entries (fallback).</param>
/// <param name="Disclaimer">Always present, never empty.</param>
/// <param name="SessionId">The caller's session id, if it sent one.</param>
internal sealed record AskResponse(
    string Outcome,
    string Answer,
    string? FaqId,
    double Confidence,
    IReadOnlyList<SuggestionDto> Suggestions,
    string Disclaimer,
    string? SessionId);

/// <summary>A question the patient can ask next.</summary>
internal sealed record SuggestionDto(string FaqId, string Question);
