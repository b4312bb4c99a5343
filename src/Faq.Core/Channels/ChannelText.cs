using System.Text;
using System.Text.RegularExpressions;
using Faq.Core.Answering;

namespace Faq.Core.Channels;

/// <summary>Where a reply will be read.</summary>
public enum Channel
{
    /// <summary>The chat widget or another rich client.</summary>
    Web,

    /// <summary>Text message: plain text, at most <see cref="ChannelText.MaxMessageLength"/> characters.</summary>
    Sms,

    /// <summary>WhatsApp: plain text, same length budget as SMS.</summary>
    WhatsApp,

    /// <summary>Another system; unshaped like web.</summary>
    Api,
}

/// <summary>
/// Shapes a reply for messaging channels: plain text within one 1,600-character message including the
/// disclaimer. When the answer is too long it is cut at a sentence boundary and says so; the disclaimer and an
/// urgent instruction are never cut.
/// </summary>
public static partial class ChannelText
{
    /// <summary>The longest body one SMS or WhatsApp message may carry.</summary>
    public const int MaxMessageLength = 1600;

    /// <summary>Added where an answer was shortened.</summary>
    public const string Shortened = "(Shortened: ask a more specific question for more, or contact the clinic.)";

    /// <summary>Added where an answer in Spanish was shortened.</summary>
    public const string ShortenedSpanish = "(Respuesta abreviada: haga una pregunta más concreta para saber más, o comuníquese con la clínica.)";
    /// <summary>The channel names a client may send (matched ignoring case and surrounding spaces; absent or empty means web).</summary>
    public static IReadOnlyList<string> Names { get; } = ["web", "sms", "whatsapp", "api"];

    /// <summary>Parses a channel name; null or empty means web.</summary>
    public static bool TryParse(string? name, out Channel channel)
    {
        channel = (name ?? "web").Trim().ToLowerInvariant() switch
        {
            "" or "web" => Channel.Web,
            "sms" => Channel.Sms,
            "whatsapp" => Channel.WhatsApp,
            "api" => Channel.Api,
            _ => (Channel)(-1),
        };
        return Enum.IsDefined(channel);
    }

    /// <summary>Whether replies on this channel are plain, length-limited text.</summary>
    public static bool IsMessaging(Channel channel) => channel is Channel.Sms or Channel.WhatsApp;

    /// <summary>
    /// The answer text for a messaging channel: the answer (shortened if needed) and, for clarify and fallback
    /// replies, the suggested questions, so that this text, a blank line and the disclaimer fit one message.
    /// </summary>
    public static string ShapeAnswer(FaqReply reply, int maxLength = MaxMessageLength)
    {
        ArgumentNullException.ThrowIfNull(reply);
        var budget = maxLength - reply.Disclaimer.Length - 2;
        var body = new StringBuilder(Plain(reply.Answer));
        if (reply.Outcome is AnswerOutcome.Clarify or AnswerOutcome.Fallback && reply.Suggestions.Count > 0)
        {
            body.Append(reply.Language == Languages.FaqLanguages.Spanish ? "\n\nPuede preguntar:" : "\n\nYou can ask:");
            foreach (var suggestion in reply.Suggestions)
            {
                body.Append("\n- ").Append(suggestion.Question);
            }
        }

        // A patient the bot could not help is offered a person: the contact line is never cut.
        var contact = reply.Outcome is AnswerOutcome.Clarify or AnswerOutcome.Fallback ? ContactLine(reply.Contact) : string.Empty;
        var text = body.ToString();
        if (text.Length + contact.Length <= budget || reply.Outcome == AnswerOutcome.Urgent)
        {
            return text + contact;
        }

        var shortened = reply.Language == Languages.FaqLanguages.Spanish ? ShortenedSpanish : Shortened;
        return Shorten(text, budget - contact.Length - shortened.Length - 1) + " " + shortened + contact;
    }

    /// <summary>"\n\nTo talk to a person: call 555-0100, book online at https://… or email …", or empty without contact details.</summary>
    public static string ContactLine(IReadOnlyList<ContactAction> contact)
    {
        ArgumentNullException.ThrowIfNull(contact);
        if (contact.Count == 0)
        {
            return string.Empty;
        }

        var ways = contact.Select(a => a.Kind == "book" ? "book online at " + a.Href : char.ToLowerInvariant(a.Label[0]) + a.Label[1..]).ToList();
        var joined = ways.Count == 1 ? ways[0] : string.Join(", ", ways.Take(ways.Count - 1)) + " or " + ways[^1];
        return "\n\nTo talk to a person: " + joined + ".";
    }

    /// <summary>One message: the shaped answer, a blank line, the disclaimer.</summary>
    public static string Message(FaqReply reply, int maxLength = MaxMessageLength) =>
        ShapeAnswer(reply, maxLength) + "\n\n" + reply.Disclaimer;

    // Cut after the last sentence end that fits; failing that, after the last whole word.
    private static string Shorten(string text, int max)
    {
        if (max <= 0)
        {
            return string.Empty;
        }

        var window = text[..Math.Min(max, text.Length)];
        var cut = -1;
        for (var i = window.Length - 1; i > 0; i--)
        {
            if (window[i - 1] is '.' or '!' or '?' && char.IsWhiteSpace(window[i]))
            {
                cut = i;
                break;
            }
        }

        if (cut < max / 3)
        {
            var space = window.LastIndexOf(' ');
            cut = space > 0 ? space : window.Length;
        }

        return window[..cut].TrimEnd();
    }

    // Messaging shows no markup: drop HTML-like tags ("<b>", "</a>"), keep other angle brackets ("3 < 4"),
    // and collapse runs of spaces.
    private static string Plain(string text) =>
        string.Join(' ', Tag().Replace(text, string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries));

    [GeneratedRegex(@"</?[A-Za-z][A-Za-z0-9]*(\s[^<>]*)?/?>")]
    private static partial Regex Tag();
}
