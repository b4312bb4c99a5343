using System.Text;

namespace Faq.Core.Answering;

/// <summary>
/// The clinic's own details. Answers refer to them through placeholders (<c>{clinic}</c>, <c>{phone}</c>,
/// <c>{contact}</c>…) so the curated text never invents a phone number or an address.
/// </summary>
public sealed class ClinicProfile
{
    /// <summary>Clinic name as patients know it.</summary>
    public string Name { get; set; } = "the clinic";

    /// <summary>Front-desk phone number, if the clinic publishes one.</summary>
    public string? Phone { get; set; }

    /// <summary>Contact e-mail address, if any.</summary>
    public string? Email { get; set; }

    /// <summary>Online booking page, if any.</summary>
    public string? BookingUrl { get; set; }

    /// <summary>The local emergency number.</summary>
    public string EmergencyNumber { get; set; } = "911";

    /// <summary>The crisis line for thoughts of suicide or self-harm (988 in the US).</summary>
    public string CrisisLine { get; set; } = "988";

    /// <summary>A sentence telling patients how to reach the clinic, built from whatever is configured; empty when nothing is.</summary>
    public string ContactSentence() => ContactSentence(English);

    /// <summary>Replaces the clinic placeholders in a text written in <paramref name="language"/>: the phrases the
    /// placeholders stand for (the contact sentence, "the clinic's front desk") are in that language.</summary>
    public string Render(string template, string language) =>
        Render(template, language == Languages.FaqLanguages.Spanish ? Spanish : English);

    /// <summary>The ways to reach a person at the clinic (call, book online, email), in that order; empty when none is configured.</summary>
    public IReadOnlyList<ContactAction> ContactActions()
    {
        var actions = new List<ContactAction>(3);
        if (!string.IsNullOrWhiteSpace(Phone))
        {
            actions.Add(new ContactAction("call", $"Call {Phone.Trim()}", "tel:" + new string([.. Phone.Where(c => char.IsAsciiDigit(c) || c == '+')])));
        }

        if (!string.IsNullOrWhiteSpace(BookingUrl) && Uri.TryCreate(BookingUrl.Trim(), UriKind.Absolute, out var booking) && booking.Scheme is "https" or "http")
        {
            actions.Add(new ContactAction("book", "Book online", booking.AbsoluteUri));
        }

        if (!string.IsNullOrWhiteSpace(Email))
        {
            actions.Add(new ContactAction("email", $"Email {Email.Trim()}", "mailto:" + Email.Trim()));
        }

        return actions;
    }

    /// <summary>Replaces the clinic placeholders in a text.</summary>
    public string Render(string template) => Render(template, English);

    private string Render(string template, Wording wording)
    {
        ArgumentNullException.ThrowIfNull(template);
        if (!template.Contains('{', StringComparison.Ordinal))
        {
            return template;
        }

        // The default name is English; a clinic's own name stays as it is in every language.
        var name = Name == English.DefaultName ? wording.DefaultName : Name;
        var desk = Fill(wording.Desk, name);
        var builder = new StringBuilder(template);
        builder.Replace("{clinic}", name);
        builder.Replace("{Clinic}", Capitalise(name));
        builder.Replace("{phone}", string.IsNullOrWhiteSpace(Phone) ? desk : Phone);
        builder.Replace("{onPhone}", string.IsNullOrWhiteSpace(Phone) ? string.Empty : Fill(wording.OnPhone, Phone));
        builder.Replace("{bookingUrl}", string.IsNullOrWhiteSpace(BookingUrl) ? Fill(wording.Website, name) : BookingUrl);
        builder.Replace("{email}", string.IsNullOrWhiteSpace(Email) ? desk : Email);
        builder.Replace("{emergency}", EmergencyNumber);
        builder.Replace("{crisisLine}", CrisisLine);
        var contact = ContactSentence(wording);
        if (contact.Length == 0)
        {
            // Nothing configured: the placeholder goes with the space that set it apart from its neighbours.
            builder.Replace(" {contact}", string.Empty).Replace("{contact} ", string.Empty);
        }

        builder.Replace("{contact}", contact);
        return builder.ToString();
    }

    private string ContactSentence(Wording wording)
    {
        var ways = new List<string>(3);
        if (!string.IsNullOrWhiteSpace(Phone))
        {
            ways.Add(Fill(wording.Call, Phone));
        }

        if (!string.IsNullOrWhiteSpace(BookingUrl))
        {
            ways.Add(Fill(wording.Book, BookingUrl));
        }

        if (!string.IsNullOrWhiteSpace(Email))
        {
            ways.Add(Fill(wording.Write, Email));
        }

        // With nothing configured there is nothing to add: texts around {contact} read whole without it.
        return ways.Count switch
        {
            0 => string.Empty,
            1 => $"{wording.YouCan} {ways[0]}.",
            2 => $"{wording.YouCan} {ways[0]} {wording.Or} {ways[1]}.",
            _ => $"{wording.YouCan} {ways[0]}, {ways[1]} {wording.Or} {ways[2]}.",
        };
    }

    private static string Fill(string pattern, string value) => pattern.Replace("{0}", value, StringComparison.Ordinal);

    // The phrases placeholders stand for, per language; "{0}" is the clinic's name or the configured detail.
    private sealed record Wording(string DefaultName, string Desk, string Website, string OnPhone, string Call, string Book, string Write, string YouCan, string Or);

    private static readonly Wording English = new(
        "the clinic", "{0}'s front desk", "{0}'s website", " on {0}", "call {0}", "book online at {0}", "email {0}", "You can", "or");

    private static readonly Wording Spanish = new(
        "la clínica", "la recepción de {0}", "el sitio web de {0}", " al {0}", "llamar al {0}", "reservar en línea en {0}", "escribir a {0}", "Puede", "o");

    private static string Capitalise(string text) =>
        text.Length == 0 ? text : string.Concat(char.ToUpperInvariant(text[0]).ToString(), text.AsSpan(1));
}
