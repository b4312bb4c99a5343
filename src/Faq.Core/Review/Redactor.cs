using System.Text.RegularExpressions;

namespace Faq.Core.Review;

/// <summary>
/// Removes personal details from patient messages before they are kept for staff review: e-mail addresses,
/// phone numbers, long digit runs (dates of birth, card, insurance and record numbers) and names people state
/// about themselves ("my name is Ana Silva", "I'm Tom"). What remains is enough to see what was asked.
/// </summary>
public static partial class Redactor
{
    /// <summary>The replacement for an e-mail address.</summary>
    public const string Email = "[email]";

    /// <summary>The replacement for a phone number.</summary>
    public const string Phone = "[phone]";

    /// <summary>The replacement for a long run of digits.</summary>
    public const string Number = "[number]";

    /// <summary>The replacement for a self-stated name.</summary>
    public const string Name = "[name]";

    /// <summary>Redacts a message.</summary>
    public static string Redact(string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var text = EmailPattern().Replace(message, Email);
        text = PhonePattern().Replace(text, match => match.Value.Count(char.IsAsciiDigit) >= 7 ? Phone : match.Value);
        text = DigitRunPattern().Replace(text, Number);
        text = NamePattern().Replace(text, match => match.Groups["intro"].Value + Name);
        return text;
    }

    [GeneratedRegex(@"[A-Za-z0-9._%+\-]+@[A-Za-z0-9.\-]+\.[A-Za-z]{2,}")]
    private static partial Regex EmailPattern();

    // International or national numbers with separators: +1 (555) 010-0199, 555-010-0199, 07700 900123,
    // 555.010.0199. Fewer than seven digits ("24-48 hours") is not a phone number and is kept.
    [GeneratedRegex(@"(?<![\w])(\+?\d{1,3}[\s.\-]?)?(\(\d{2,5}\)[\s.\-]?)?\d{2,6}([\s.\-]\d{2,6}){1,4}(?![\w])")]
    private static partial Regex PhonePattern();

    // Six or more digits in a row: record, card, insurance numbers; dates written as 12031985.
    [GeneratedRegex(@"\d{6,}")]
    private static partial Regex DigitRunPattern();

    // A capitalised name (one to three words) right after a self-introduction.
    [GeneratedRegex(@"(?<intro>\b(?:[Mm]y name is|[Mm]y name's|[Nn]ame's|[Tt]his is|[Ii] am|[Ii]'m|[Ii]’m|[Ii]m|[Cc]all me)\s+)(?<name>(?:[A-Z][a-zà-öø-ÿ'’\-]+)(?:\s+[A-Z][a-zà-öø-ÿ'’\-]+){0,2})(?![a-z])")]
    private static partial Regex NamePattern();
}
