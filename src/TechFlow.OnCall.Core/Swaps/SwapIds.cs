using System.Security.Cryptography;
using System.Text.RegularExpressions;

namespace TechFlow.OnCall.Core.Swaps;

/// <summary>Short random request ids people can type: six characters without look-alikes.</summary>
public static partial class SwapIds
{
    private const string Alphabet = "23456789abcdefghjkmnpqrstuvwxyz";

    public static string New() => RandomNumberGenerator.GetString(Alphabet, 6);

    /// <summary>The id in canonical form, or null when <paramref name="text"/> cannot be one.</summary>
    public static string? Normalize(string? text)
    {
        var t = (text ?? "").Trim().TrimStart('#').ToLowerInvariant();
        return Shape().IsMatch(t) ? t : null;
    }

    [GeneratedRegex("^[23456789abcdefghjkmnpqrstuvwxyz]{6}$")]
    private static partial Regex Shape();
}
