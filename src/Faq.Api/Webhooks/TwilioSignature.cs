using System.Security.Cryptography;
using System.Text;

namespace Faq.Api.Webhooks;

/// <summary>
/// Twilio's request signature: Base64(HMAC-SHA1(auth token, full URL + every POST parameter sorted by name,
/// each as name then value)), compared in constant time.
/// </summary>
internal static class TwilioSignature
{
    /// <summary>The signature Twilio would send for this URL and these form parameters.</summary>
    public static string Compute(string authToken, string url, IEnumerable<KeyValuePair<string, string>> parameters)
    {
        ArgumentNullException.ThrowIfNull(authToken);
        ArgumentNullException.ThrowIfNull(url);
        ArgumentNullException.ThrowIfNull(parameters);
        var data = new StringBuilder(url);
        foreach (var (name, value) in parameters.OrderBy(p => p.Key, StringComparer.Ordinal).ThenBy(p => p.Value, StringComparer.Ordinal))
        {
            data.Append(name).Append(value);
        }

#pragma warning disable CA5350 // Twilio defines the scheme as HMAC-SHA1; it is not our choice to make.
        return Convert.ToBase64String(HMACSHA1.HashData(Encoding.UTF8.GetBytes(authToken), Encoding.UTF8.GetBytes(data.ToString())));
#pragma warning restore CA5350
    }

    /// <summary>Whether a request's signature is valid. A missing signature or token is never valid.</summary>
    public static bool IsValid(string? authToken, string? signature, string url, IEnumerable<KeyValuePair<string, string>> parameters)
    {
        if (string.IsNullOrEmpty(authToken) || string.IsNullOrEmpty(signature))
        {
            return false;
        }

        var expected = Encoding.UTF8.GetBytes(Compute(authToken, url, parameters));
        return CryptographicOperations.FixedTimeEquals(expected, Encoding.UTF8.GetBytes(signature));
    }
}
