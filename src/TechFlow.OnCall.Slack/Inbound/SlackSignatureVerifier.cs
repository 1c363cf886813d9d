using System.Buffers;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace TechFlow.OnCall.Slack.Inbound;

/// <summary>
/// Checks <c>X-Slack-Signature</c>: <c>v0=</c> + hex HMAC-SHA256 of <c>v0:{timestamp}:{raw body}</c> keyed with the
/// signing secret, compared in constant time, with the timestamp within five minutes of the clock.
/// </summary>
public sealed class SlackSignatureVerifier(IOptions<SlackOptions> options, TimeProvider time)
{
    /// <summary>How far the request timestamp may be from now, either way.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(5);

    private const int SignatureLength = 3 + (2 * HMACSHA256.HashSizeInBytes);
    private volatile SecretKey? _key;

    public bool IsValid(string? timestamp, string? signature, ReadOnlySpan<byte> body)
    {
        var secret = options.Value.SigningSecret;
        if (string.IsNullOrEmpty(secret) || string.IsNullOrEmpty(timestamp) || string.IsNullOrEmpty(signature)
            || !long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return false;
        }

        var now = time.GetUtcNow().ToUnixTimeSeconds();
        if (Math.Abs(now - seconds) > (long)Window.TotalSeconds)
        {
            return false;
        }

        return Matches(Key(secret), timestamp, signature, body);
    }

    /// <summary>The signature Slack would send for <paramref name="body"/> (tests and the load tool sign with it).</summary>
    public static string Sign(string secret, string timestamp, ReadOnlySpan<byte> body)
    {
        var prefix = Encoding.UTF8.GetBytes($"v0:{timestamp}:");
        var data = new byte[prefix.Length + body.Length];
        prefix.CopyTo(data, 0);
        body.CopyTo(data.AsSpan(prefix.Length));
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), data);
        return "v0=" + Convert.ToHexStringLower(mac);
    }

    /// <summary>The signing secret's bytes, kept while the secret stays the same.</summary>
    private byte[] Key(string secret)
    {
        if (_key is { } kept && ReferenceEquals(kept.Secret, secret))
        {
            return kept.Key;
        }

        var key = new SecretKey(secret, Encoding.UTF8.GetBytes(secret));
        _key = key;
        return key.Key;
    }

    private sealed record SecretKey(string Secret, byte[] Key);

    /// <summary>Computes the signature into stack and pooled buffers and compares it in constant time, as <see cref="Sign"/> writes it.</summary>
    private static bool Matches(byte[] key, string timestamp, string signature, ReadOnlySpan<byte> body)
    {
        if (signature.Length != SignatureLength)
        {
            return false;
        }

        var prefixLength = 4 + Encoding.UTF8.GetByteCount(timestamp);
        var data = ArrayPool<byte>.Shared.Rent(prefixLength + body.Length);
        try
        {
            "v0:"u8.CopyTo(data);
            Encoding.UTF8.GetBytes(timestamp, data.AsSpan(3));
            data[prefixLength - 1] = (byte)':';
            body.CopyTo(data.AsSpan(prefixLength));
            Span<byte> mac = stackalloc byte[HMACSHA256.HashSizeInBytes];
            HMACSHA256.HashData(key, data.AsSpan(0, prefixLength + body.Length), mac);
            Span<char> expected = stackalloc char[SignatureLength];
            "v0=".CopyTo(expected);
            Convert.TryToHexStringLower(mac, expected[3..], out _);
            return CryptographicOperations.FixedTimeEquals(MemoryMarshal.AsBytes(expected), MemoryMarshal.AsBytes(signature.AsSpan()));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(data);
        }
    }
}
