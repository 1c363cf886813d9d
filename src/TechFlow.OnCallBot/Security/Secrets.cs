using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace TechFlow.OnCallBot.Security;

/// <summary>Random tokens and constant-time comparisons for every secret the host checks.</summary>
public static class Secrets
{
    /// <summary>A new random token: 32 bytes, base64url (43 characters, safe in a URL path).</summary>
    public static string NewToken() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    /// <summary>
    /// Whether <paramref name="given"/> equals <paramref name="expected"/>, in time that depends on neither: both are
    /// hashed first, so not even their lengths leak. Null or empty never matches.
    /// </summary>
    public static bool Matches(string? given, string? expected)
    {
        if (string.IsNullOrEmpty(given) || string.IsNullOrEmpty(expected))
        {
            return false;
        }

        return CryptographicOperations.FixedTimeEquals(
            SHA256.HashData(Encoding.UTF8.GetBytes(given)),
            SHA256.HashData(Encoding.UTF8.GetBytes(expected)));
    }

    /// <summary>The token of an <c>Authorization: Bearer …</c> header, or null.</summary>
    public static string? Bearer(string? header)
    {
        const string Scheme = "Bearer ";
        return header is not null && header.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase)
            ? header[Scheme.Length..].Trim()
            : null;
    }
}
