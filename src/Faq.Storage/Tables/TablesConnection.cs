namespace Faq.Storage.Tables;

/// <summary>
/// A Table service endpoint with its shared-key credentials, parsed from an Azure Storage connection string
/// (including <c>UseDevelopmentStorage=true</c> for the local emulator).
/// </summary>
internal sealed record TablesConnection(Uri Endpoint, string AccountName, byte[] AccountKey)
{
    // The storage emulator's well-known development account. It is public and only works against an emulator.
    public const string DevelopmentAccountName = "devstoreaccount1";
    public const string DevelopmentAccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    /// <exception cref="FormatException">The connection string lacks what a Table endpoint needs.</exception>
    public static TablesConnection Parse(string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        var parts = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var segment in connectionString.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var equals = segment.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                throw new FormatException($"The connection string segment '{Redact(segment)}' is not of the form Key=Value.");
            }

            parts[segment[..equals].Trim()] = segment[(equals + 1)..].Trim();
        }

        if (parts.TryGetValue("UseDevelopmentStorage", out var development) && bool.TryParse(development, out var useDevelopment) && useDevelopment)
        {
            var proxy = parts.TryGetValue("DevelopmentStorageProxyUri", out var p) ? new Uri(p) : new Uri("http://127.0.0.1");
            var endpoint = new Uri($"{proxy.Scheme}://{proxy.Host}:10002/{DevelopmentAccountName}");
            return new TablesConnection(endpoint, DevelopmentAccountName, Convert.FromBase64String(DevelopmentAccountKey));
        }

        if (!parts.TryGetValue("AccountName", out var account) || string.IsNullOrWhiteSpace(account))
        {
            throw new FormatException("The connection string has no AccountName.");
        }

        if (!parts.TryGetValue("AccountKey", out var key) || string.IsNullOrWhiteSpace(key))
        {
            throw new FormatException("The connection string has no AccountKey (for managed identity, configure Faq:Tables:Endpoint instead).");
        }

        byte[] keyBytes;
        try
        {
            keyBytes = Convert.FromBase64String(key);
        }
        catch (FormatException)
        {
            throw new FormatException("The connection string's AccountKey is not valid Base64.");
        }

        Uri tableEndpoint;
        if (parts.TryGetValue("TableEndpoint", out var explicitEndpoint))
        {
            tableEndpoint = new Uri(explicitEndpoint.TrimEnd('/'));
        }
        else
        {
            var protocol = parts.TryGetValue("DefaultEndpointsProtocol", out var proto) ? proto : "https";
            var suffix = parts.TryGetValue("EndpointSuffix", out var s) ? s : "core.windows.net";
            tableEndpoint = new Uri($"{protocol}://{account}.table.{suffix}");
        }

        return new TablesConnection(tableEndpoint, account, keyBytes);
    }

    private static string Redact(string segment) =>
        segment.StartsWith("AccountKey", StringComparison.OrdinalIgnoreCase) ? "AccountKey=…" : segment;
}
