using System.Globalization;
using System.Text;

namespace Faq.Core.Analysis;

/// <summary>Unicode, case and diacritic folding so that "Achillés", "ACHILLES" and "achilles" compare equal.</summary>
internal static class TextFolding
{
    public static string Fold(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var decomposed = text.Normalize(NormalizationForm.FormKD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            switch (CharUnicodeInfo.GetUnicodeCategory(c))
            {
                case UnicodeCategory.NonSpacingMark:
                case UnicodeCategory.SpacingCombiningMark:
                case UnicodeCategory.EnclosingMark:
                    continue;
            }

            builder.Append(c switch
            {
                '\u2018' or '\u2019' or '\u02bc' or '`' or '\u00b4' => '\'',
                _ => char.ToLowerInvariant(c),
            });
        }

        return builder.ToString();
    }
}
