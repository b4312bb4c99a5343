namespace Faq.Api.Ask;

/// <summary>A patient's question.</summary>
/// <param name="Question">The question text, 1 to 500 characters.</param>
/// <param name="SessionId">Optional conversation id chosen by the caller; echoed back.</param>
/// <param name="Channel">Optional: <c>web</c> (default), <c>sms</c>, <c>whatsapp</c> or <c>api</c>.</param>
/// <param name="Language">Optional hint, the patient's language as the caller knows it (the page's <c>lang</c>):
/// <c>en</c> or <c>es</c> (a region such as <c>es-MX</c> is accepted). The message's own words decide when they are clear.</param>
internal sealed record AskRequest(string? Question, string? SessionId, string? Channel, string? Language = null);
