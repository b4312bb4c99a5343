namespace Faq.Core.Analysis;

/// <summary>Splits folded text into word tokens: runs of letters and digits. An apostrophe inside a word is
/// dropped ("don't" becomes "dont", "patient's" becomes "patients"), every other character separates words.</summary>
internal static class Tokenizer
{
    public static List<string> Tokenize(string folded)
    {
        var tokens = new List<string>();
        Span<char> buffer = stackalloc char[64];
        var length = 0;

        for (var i = 0; i <= folded.Length; i++)
        {
            var c = i < folded.Length ? folded[i] : ' ';
            if (char.IsLetterOrDigit(c))
            {
                if (length < buffer.Length)
                {
                    buffer[length++] = c;
                }

                continue;
            }

            if (c == '\'' && length > 0 && i + 1 < folded.Length && char.IsLetter(folded[i + 1]))
            {
                continue;
            }

            if (length > 0)
            {
                // Words longer than the buffer are not language (hashes, URLs, keyboard mashing): keep a prefix.
                tokens.Add(new string(buffer[..length]));
                length = 0;
            }
        }

        return tokens;
    }
}
