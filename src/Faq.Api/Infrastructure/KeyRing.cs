using System.Security.Cryptography;
using System.Text;

namespace Faq.Api.Infrastructure;

/// <summary>
/// Configured secret keys (admin keys, integration keys), hashed so that every comparison takes the same time
/// whatever the input, and every key is compared so timing reveals nothing about which one matched.
/// </summary>
internal sealed class KeyRing<T>
    where T : class
{
    private readonly List<(T Owner, byte[] Hash)> _keys;

    public KeyRing(IEnumerable<T> owners, Func<T, string?> key) =>
        _keys = [.. owners.Where(o => !string.IsNullOrEmpty(key(o))).Select(o => (o, Hash(key(o)!)))];

    /// <summary>The owner of the matching key, or null.</summary>
    public T? Match(string candidate)
    {
        var hash = Hash(candidate);
        T? match = null;
        foreach (var (owner, keyHash) in _keys)
        {
            if (CryptographicOperations.FixedTimeEquals(hash, keyHash))
            {
                match ??= owner;
            }
        }

        return match;
    }

    private static byte[] Hash(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));
}
