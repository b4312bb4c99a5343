using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Faq.Api.Answering;
using Faq.Core.Answering;
using Faq.Core.Channels;
using Faq.Core.Languages;

namespace Faq.Api.Webhooks;

/// <summary>
/// What the clinic replies to a text message that came in through Twilio: nothing unless Twilio signed it; the
/// clinic's contact details to <c>HELP</c> or an empty message; otherwise the answer, shaped for SMS or WhatsApp.
/// </summary>
internal sealed partial class TwilioMessages(
    IOptions<TwilioOptions> options,
    AnsweringService answering,
    IOptions<ClinicProfile> clinic,
    IOptions<AnsweringOptions> answeringOptions,
    ILogger<TwilioMessages> logger)
{
    private static readonly string[] HelpWords = ["help", "info"];
    private static readonly string[] SpanishHelpWords = ["ayuda", "informacion", "información"];

    /// <summary>The URL Twilio signed for a request that reached this app at <paramref name="pathAndQuery"/>.</summary>
    public string SignedUrl(string pathAndQuery) => options.Value.PublicBaseUrl.TrimEnd('/') + pathAndQuery;

    /// <summary>Whether Twilio signed these form parameters for this URL; logs why not.</summary>
    public bool IsSigned(string url, IReadOnlyList<KeyValuePair<string, string>> parameters, string? signature)
    {
        if (TwilioSignature.IsValid(options.Value.AuthToken, signature, url, parameters))
        {
            return true;
        }

        LogRejected(logger, string.IsNullOrEmpty(options.Value.AuthToken) ? "Faq:Twilio:AuthToken is not configured" : "the signature does not match");
        return false;
    }

    /// <summary>The reply to a message <paramref name="body"/> from <paramref name="from"/> (a phone number or <c>whatsapp:+…</c>).</summary>
    public async Task<string> ReplyAsync(string from, string body, CancellationToken cancellationToken)
    {
        var channel = from.StartsWith("whatsapp:", StringComparison.OrdinalIgnoreCase) ? Channel.WhatsApp : Channel.Sms;
        body = body.Trim();
        if (SpanishHelpWords.Contains(body, StringComparer.OrdinalIgnoreCase))
        {
            LogReplied(logger, channel, Mask(from), "help");
            return clinic.Value.Render(answeringOptions.Value.Languages.Es.MessagingHelp, FaqLanguages.Spanish);
        }

        if (body.Length == 0 || HelpWords.Contains(body, StringComparer.OrdinalIgnoreCase))
        {
            var profile = clinic.Value;
            LogReplied(logger, channel, Mask(from), "help");
            return $"{Capitalise(profile.Name)}: ask me about dry needling, for example \"Does it hurt?\". {profile.ContactSentence()} In an emergency call {profile.EmergencyNumber}.";
        }

        var question = body.Length > AnsweringService.MaxQuestionLength ? body[..AnsweringService.MaxQuestionLength] : body;
        // The conversation is the sender, known only by the same one-way hash the logs use.
        if (await answering.AnswerAsync(question, channel, language: null, string.IsNullOrEmpty(from) ? null : Mask(from), cancellationToken) is not { } reply)
        {
            LogReplied(logger, channel, Mask(from), "unavailable");
            return "Sorry, the assistant is briefly unavailable. Please try again in a few minutes.";
        }

        LogReplied(logger, channel, Mask(from), reply.Outcome.Name());
        return ChannelText.Message(reply);
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
