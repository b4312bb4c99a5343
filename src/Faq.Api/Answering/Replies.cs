using System.Globalization;
using Faq.Core.Answering;
using Faq.Core.Channels;

namespace Faq.Api.Answering;

/// <summary>The bot's reply.</summary>
/// <param name="Outcome"><c>answered</c>, <c>clarify</c>, <c>fallback</c>, <c>urgent</c> or <c>smalltalk</c> (a greeting,
/// thanks, goodbye or "ok" got a short reply of its own).</param>
/// <param name="Answer">Text for the patient.</param>
/// <param name="FaqId">The entry answered from; only when the outcome is <c>answered</c>.</param>
/// <param name="Confidence">Calibrated confidence in the best entry, 0 to 1; 1 for urgent and small-talk replies.</param>
/// <param name="Suggestions">Follow-up questions (answered), the candidates (clarify) or nearby entries (fallback).</param>
/// <param name="Disclaimer">Always present, never empty.</param>
/// <param name="Category">For an <c>urgent</c> reply, the red-flag category (<c>breathing</c>, <c>chest-cardiac</c>,
/// <c>anaphylaxis</c>, <c>stroke</c>, <c>bleeding</c>, <c>blood-cough-vomit</c>, <c>infection</c>, <c>clot</c>,
/// <c>cold-limb</c>, <c>nerve</c>, <c>collapse</c>, <c>self-harm</c> or <c>emergency</c>) so an integration can route it;
/// null otherwise.</param>
/// <param name="SessionId">The caller's session id, if it sent one.</param>
/// <param name="Language">The language of the reply: <c>en</c> or <c>es</c>, the patient's as read from the message
/// and the request's hint; English when undecided.</param>
/// <param name="Contact">Ways to reach a person at the clinic (call, book, email) from its configuration, on every reply but
/// an urgent one; empty when none is configured. The widget offers them with clarify and fallback replies and after
/// "not helpful"; SMS and WhatsApp text of clarify and fallback replies ends with them.</param>
internal sealed record AskResponse(
    string Outcome,
    string Answer,
    string? FaqId,
    double Confidence,
    IReadOnlyList<Suggestion> Suggestions,
    string Disclaimer,
    string? Category,
    string? SessionId,
    string Language,
    IReadOnlyList<ContactAction> Contact);

/// <summary>How a reply, or the lack of one, looks over HTTP, the same on every endpoint that answers.</summary>
internal static class Replies
{
    /// <summary>What a client is told to wait while no FAQ is loaded.</summary>
    public const int RetryAfterSeconds = 5;

    public static AskResponse ToResponse(this FaqReply reply, string? sessionId, Channel channel = Channel.Web) => new(
        reply.Outcome.Name(),
        ChannelText.IsMessaging(channel) ? ChannelText.ShapeAnswer(reply) : reply.Answer,
        reply.FaqId,
        Math.Round(reply.Confidence, 3),
        reply.Suggestions,
        reply.Disclaimer,
        reply.Triage.CategoryId,
        sessionId,
        reply.Language,
        reply.Contact);

    /// <summary>503 with Retry-After while no FAQ snapshot could be loaded (for example the store is down at a cold start).</summary>
    public static ProblemHttpResult NotLoaded(HttpContext httpContext, string? reason)
    {
        httpContext.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        return TypedResults.Problem(
            title: "The FAQ is temporarily unavailable.",
            detail: $"The FAQ could not be loaded yet ({reason}). Try again in {RetryAfterSeconds} seconds.",
            statusCode: StatusCodes.Status503ServiceUnavailable);
    }
}
