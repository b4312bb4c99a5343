using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Faq.Api.Admin;
using Faq.Api.Ask;
using Faq.Api.Content;
using Faq.Api.Infrastructure;
using Faq.Core.Answering;
using Faq.Core.Channels;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Faq.Api.Webhooks;

/// <summary>The Twilio account this app answers SMS and WhatsApp for (<c>Faq:Twilio</c>).</summary>
internal sealed class TwilioOptions
{
    public const string Section = "Faq:Twilio";

    /// <summary>The account's auth token, used to check each request's signature. Without it every request is refused.</summary>
    public string AuthToken { get; set; } = string.Empty;

    /// <summary>
    /// The public base URL Twilio calls (e.g. <c>https://faq-clinic.azurewebsites.net</c>): the app sits behind the
    /// Functions front end, so the URL it sees is not the one Twilio signed.
    /// </summary>
    public string PublicBaseUrl { get; set; } = string.Empty;
}

internal static partial class TwilioEndpoints
{
    public const string Path = "/webhooks/twilio";
    public const long MaxBodyBytes = 16 * 1024;
    private static readonly string[] HelpWords = ["help", "info"];

    public static RouteGroupBuilder MapTwilioWebhook(this RouteGroupBuilder api)
    {
        api.MapPost(Path, Receive)
            .WithName("TwilioWebhook")
            .WithTags("Messaging")
            .Accepts<TwilioMessageForm>("application/x-www-form-urlencoded")
            .Produces(StatusCodes.Status200OK, contentType: "application/xml")
            .DisableAntiforgery()
            .WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(MaxBodyBytes))
            .RequireRateLimiting(RateLimiting.MessagingPolicy);
        return api;
    }

    internal static async Task<Results<ContentHttpResult, ProblemHttpResult>> Receive(
        HttpRequest request,
        IOptions<TwilioOptions> options,
        FaqCatalog catalog,
        FaqAnswerer answerer,
        UnansweredRecorder recorder,
        IOptions<ClinicProfile> clinic,
        ILogger<TwilioMessageForm> logger,
        CancellationToken cancellationToken)
    {
        if (!request.HasFormContentType)
        {
            return TypedResults.Problem(title: "Expected a form post from Twilio.", statusCode: StatusCodes.Status415UnsupportedMediaType);
        }

        var form = await request.ReadFormAsync(cancellationToken);
        var parameters = form.SelectMany(f => f.Value.Select(v => new KeyValuePair<string, string>(f.Key, v ?? string.Empty))).ToList();
        var url = options.Value.PublicBaseUrl.TrimEnd('/') + request.PathBase + request.Path + request.QueryString;
        if (!TwilioSignature.IsValid(options.Value.AuthToken, request.Headers["X-Twilio-Signature"], url, parameters))
        {
            LogRejected(logger, string.IsNullOrEmpty(options.Value.AuthToken) ? "Faq:Twilio:AuthToken is not configured" : "the signature does not match");
            return TypedResults.Problem(title: "The request is not signed by Twilio.", statusCode: StatusCodes.Status403Forbidden);
        }

        var from = form["From"].ToString();
        var body = form["Body"].ToString().Trim();
        var channel = from.StartsWith("whatsapp:", StringComparison.OrdinalIgnoreCase) ? Channel.WhatsApp : Channel.Sms;
        string text;
        if (body.Length == 0 || HelpWords.Contains(body, StringComparer.OrdinalIgnoreCase))
        {
            var profile = clinic.Value;
            text = $"{Capitalise(profile.Name)}: ask me about dry needling, for example \"Does it hurt?\". {profile.ContactSentence()} In an emergency call {profile.EmergencyNumber}.";
            LogReplied(logger, channel, Mask(from), "help");
        }
        else if (catalog.Current is not { } snapshot)
        {
            text = "Sorry, the assistant is briefly unavailable. Please try again in a few minutes.";
            LogReplied(logger, channel, Mask(from), "unavailable");
        }
        else
        {
            var question = body.Length > AskEndpoints.MaxQuestionLength ? body[..AskEndpoints.MaxQuestionLength] : body;
            var reply = await answerer.AnswerAsync(snapshot.Index, question, cancellationToken);
            recorder.Observe(question, reply);
            text = ChannelText.Message(reply);
            LogReplied(logger, channel, Mask(from), AskEndpoints.Outcome(reply.Outcome));
        }

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

    /// <summary>Phone numbers never reach the logs: a short one-way hash still lets a conversation be followed.</summary>
    internal static string Mask(string phone) =>
        string.IsNullOrEmpty(phone) ? "unknown" : "#" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(phone)))[..10].ToLowerInvariant();

    private static string Capitalise(string text) =>
        text.Length == 0 ? text : char.ToUpper(text[0], CultureInfo.InvariantCulture) + text[1..];

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused a Twilio webhook: {Reason}")]
    private static partial void LogRejected(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Replied on {Channel} to {Sender}: {Outcome}")]
    private static partial void LogReplied(ILogger logger, Channel channel, string sender, string outcome);
}

/// <summary>The form fields Twilio posts for an incoming message (documentation only; all fields are signed).</summary>
/// <param name="Body">The message text.</param>
/// <param name="From">The sender: a phone number, or <c>whatsapp:+…</c>.</param>
/// <param name="To">The clinic's Twilio number.</param>
/// <param name="MessageSid">Twilio's id for the message.</param>
internal sealed record TwilioMessageForm(string? Body, string? From, string? To, string? MessageSid);

internal static class MessagingExtensions
{
    public static WebApplicationBuilder AddFaqMessaging(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<TwilioOptions>().BindConfiguration(TwilioOptions.Section)
            .Validate(o => string.IsNullOrEmpty(o.AuthToken) || Uri.TryCreate(o.PublicBaseUrl, UriKind.Absolute, out _),
                "Faq:Twilio:PublicBaseUrl must be the absolute URL Twilio calls (e.g. https://faq-clinic.azurewebsites.net) when Faq:Twilio:AuthToken is set.")
            .ValidateOnStart();
        return builder;
    }
}
