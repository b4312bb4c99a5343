using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Azure.Core;
using Azure.Core.Pipeline;

namespace Faq.Storage.Tables;

/// <summary>
/// Signs each attempt with the Table service's SharedKeyLite scheme:
/// <c>HMAC-SHA256(key, x-ms-date + "\n" + "/" + account + encoded path [+ "?comp=…"])</c>.
/// It runs per retry so every attempt carries a fresh date.
/// </summary>
internal sealed class SharedKeyLitePolicy(string accountName, byte[] accountKey) : HttpPipelineSynchronousPolicy
{
    public override void OnSendingRequest(HttpMessage message)
    {
        var date = DateTimeOffset.UtcNow.ToString("r", CultureInfo.InvariantCulture);
        message.Request.Headers.SetValue("x-ms-date", date);
        var signature = Sign(accountName, accountKey, date, message.Request.Uri.ToUri());
        message.Request.Headers.SetValue("Authorization", $"SharedKeyLite {accountName}:{signature}");
    }

    public static string StringToSign(string accountName, string date, Uri uri)
    {
        var resource = new StringBuilder().Append('/').Append(accountName).Append(uri.AbsolutePath);
        var comp = QueryValue(uri, "comp");
        if (comp is not null)
        {
            resource.Append("?comp=").Append(comp);
        }

        return date + "\n" + resource;
    }

    public static string Sign(string accountName, byte[] accountKey, string date, Uri uri)
    {
        var hash = HMACSHA256.HashData(accountKey, Encoding.UTF8.GetBytes(StringToSign(accountName, date, uri)));
        return Convert.ToBase64String(hash);
    }

    private static string? QueryValue(Uri uri, string name)
    {
        foreach (var pair in uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var key = equals < 0 ? pair : pair[..equals];
            if (string.Equals(Uri.UnescapeDataString(key), name, StringComparison.OrdinalIgnoreCase))
            {
                return equals < 0 ? string.Empty : Uri.UnescapeDataString(pair[(equals + 1)..]);
            }
        }

        return null;
    }
}
