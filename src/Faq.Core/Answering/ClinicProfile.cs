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
    public string ContactSentence()
    {
        var ways = new List<string>(3);
        if (!string.IsNullOrWhiteSpace(Phone))
        {
            ways.Add($"call {Phone}");
        }

        if (!string.IsNullOrWhiteSpace(BookingUrl))
        {
            ways.Add($"book online at {BookingUrl}");
        }

        if (!string.IsNullOrWhiteSpace(Email))
        {
            ways.Add($"email {Email}");
        }

        // With nothing configured there is nothing to add: texts around {contact} read whole without it.
        return ways.Count switch
        {
            0 => string.Empty,
            1 => $"You can {ways[0]}.",
            2 => $"You can {ways[0]} or {ways[1]}.",
            _ => $"You can {ways[0]}, {ways[1]} or {ways[2]}.",
        };
    }

    /// <summary>Replaces the clinic placeholders in a text written in <paramref name="language"/>: the phrases the
    /// placeholders stand for (the contact sentence, "the clinic's front desk") are in that language.</summary>
    public string Render(string template, string language)
    {
        ArgumentNullException.ThrowIfNull(template);
        if (language != Languages.FaqLanguages.Spanish || !template.Contains('{', StringComparison.Ordinal))
        {
            return Render(template);
        }

        // The default name is English; a clinic's own name stays as it is.
        var name = Name == "the clinic" ? "la clínica" : Name;
        var desk = $"la recepción de {name}";
        var ways = new List<string>(3);
        if (!string.IsNullOrWhiteSpace(Phone))
        {
            ways.Add($"llamar al {Phone}");
        }

        if (!string.IsNullOrWhiteSpace(BookingUrl))
        {
            ways.Add($"reservar en línea en {BookingUrl}");
        }

        if (!string.IsNullOrWhiteSpace(Email))
        {
            ways.Add($"escribir a {Email}");
        }

        var contact = ways.Count switch
        {
            0 => string.Empty,
            1 => $"Puede {ways[0]}.",
            2 => $"Puede {ways[0]} o {ways[1]}.",
            _ => $"Puede {ways[0]}, {ways[1]} o {ways[2]}.",
        };
        var builder = new StringBuilder(template);
        builder.Replace("{clinic}", name);
        builder.Replace("{Clinic}", Capitalise(name));
        builder.Replace("{phone}", string.IsNullOrWhiteSpace(Phone) ? desk : Phone);
        builder.Replace("{onPhone}", string.IsNullOrWhiteSpace(Phone) ? string.Empty : $" al {Phone}");
        builder.Replace("{bookingUrl}", string.IsNullOrWhiteSpace(BookingUrl) ? $"el sitio web de {name}" : BookingUrl);
        builder.Replace("{email}", string.IsNullOrWhiteSpace(Email) ? desk : Email);
        builder.Replace("{emergency}", EmergencyNumber);
        builder.Replace("{crisisLine}", CrisisLine);
        builder.Replace("{contact}", contact);
        return builder.ToString();
    }

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
    public string Render(string template)
    {
        ArgumentNullException.ThrowIfNull(template);
        if (!template.Contains('{', StringComparison.Ordinal))
        {
            return template;
        }

        var builder = new StringBuilder(template);
        builder.Replace("{clinic}", Name);
        builder.Replace("{Clinic}", Capitalise(Name));
        builder.Replace("{phone}", string.IsNullOrWhiteSpace(Phone) ? $"{Name}'s front desk" : Phone);
        builder.Replace("{onPhone}", string.IsNullOrWhiteSpace(Phone) ? string.Empty : $" on {Phone}");
        builder.Replace("{bookingUrl}", string.IsNullOrWhiteSpace(BookingUrl) ? $"{Name}'s website" : BookingUrl);
        builder.Replace("{email}", string.IsNullOrWhiteSpace(Email) ? $"{Name}'s front desk" : Email);
        builder.Replace("{emergency}", EmergencyNumber);
        builder.Replace("{crisisLine}", CrisisLine);
        var contact = ContactSentence();
        if (contact.Length == 0)
        {
            // Nothing configured: the placeholder goes with the space that set it apart from its neighbours.
            builder.Replace(" {contact}", string.Empty).Replace("{contact} ", string.Empty);
        }

        builder.Replace("{contact}", contact);
        return builder.ToString();
    }

    private static string Capitalise(string text) =>
        text.Length == 0 ? text : string.Concat(char.ToUpperInvariant(text[0]).ToString(), text.AsSpan(1));
}
