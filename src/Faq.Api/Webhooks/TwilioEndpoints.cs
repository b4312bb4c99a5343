using System.Text;

namespace Faq.Api.Webhooks;

internal static class TwilioEndpoints
{
    public const string Path = "/webhooks/twilio";
    public const long MaxBodyBytes = 16 * 1024;

    public static RouteGroupBuilder MapTwilioWebhook(this RouteGroupBuilder api)
    {
        api.MapPost(Path, Receive)
            .WithName("TwilioWebhook")
            .WithTags("Messaging")
            .Accepts<TwilioMessageForm>("application/x-www-form-urlencoded")
            .Produces(StatusCodes.Status200OK, contentType: "application/xml")
            .DisableAntiforgery()
            .WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(MaxBodyBytes))
            .RequireRateLimiting(RateLimiting.MessagingPolicy)
            .ProducesProblems(StatusCodes.Status403Forbidden, StatusCodes.Status413PayloadTooLarge, StatusCodes.Status415UnsupportedMediaType);
        return api;
    }

    internal static async Task<Results<ContentHttpResult, ProblemHttpResult>> Receive(HttpRequest request, TwilioMessages messages, CancellationToken cancellationToken)
    {
        if (!request.HasFormContentType)
        {
            return TypedResults.Problem(title: "Expected a form post from Twilio.", statusCode: StatusCodes.Status415UnsupportedMediaType);
        }

        var form = await request.ReadFormAsync(cancellationToken);
        var parameters = form.SelectMany(f => f.Value.Select(v => new KeyValuePair<string, string>(f.Key, v ?? string.Empty))).ToList();
        if (!messages.IsSigned(messages.SignedUrl(request.PathBase + request.Path + request.QueryString), parameters, request.Headers["X-Twilio-Signature"]))
        {
            return TypedResults.Problem(title: "The request is not signed by Twilio.", statusCode: StatusCodes.Status403Forbidden);
        }

        var text = await messages.ReplyAsync(form["From"].ToString(), form["Body"].ToString(), cancellationToken);
        return TypedResults.Content(TwiML(text), "application/xml", Encoding.UTF8);
    }

    /// <summary>A TwiML reply with one message; the text is XML-escaped.</summary>
    internal static string TwiML(string message)
    {
        var escaped = new StringBuilder(message.Length + 16);
        foreach (var c in message)
        {
            escaped.Append(c switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                '\'' => "&apos;",
                _ when char.IsControl(c) && c is not ('\n' or '\r' or '\t') => string.Empty,
                _ => c.ToString(),
            });
        }

        return $"<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response><Message>{escaped}</Message></Response>";
    }
}

/// <summary>The form fields Twilio posts for an incoming message (documentation only; all fields are signed).</summary>
/// <param name="Body">The message text.</param>
/// <param name="From">The sender: a phone number, or <c>whatsapp:+…</c>.</param>
/// <param name="To">The clinic's Twilio number.</param>
/// <param name="MessageSid">Twilio's id for the message.</param>
internal sealed record TwilioMessageForm(string? Body, string? From, string? To, string? MessageSid);
