using System.Text;
using TechFlow.OnCall.Core.Roster;

namespace TechFlow.OnCall.Core.TeamChanges;

/// <summary>Reads the values team commands take: seniority words, IANA time zones, Slack user ids, ids from names.</summary>
public static class TeamArguments
{
    public const string SeniorityWords = "senior, mid or junior";

    public static Seniority? Seniority(string word) => word.ToLowerInvariant() switch
    {
        "senior" => Roster.Seniority.Senior,
        "mid" or "midlevel" or "mid-level" => Roster.Seniority.MidLevel,
        "junior" => Roster.Seniority.Junior,
        _ => null,
    };

    public static bool IsTimeZone(string id) =>
        id.Contains('/', StringComparison.Ordinal) && TimeZoneInfo.TryFindSystemTimeZoneById(id, out _);

    /// <summary>
    /// A Slack user id from <c>@U123</c> or <c>U123</c> (the Slack adapter writes a mention of someone not yet linked
    /// as <c>@U123</c>); null when it is not one.
    /// </summary>
    public static string? SlackUserId(string word)
    {
        var t = word.Trim().TrimStart('@');
        return t.Length is >= 5 and <= 20 && t[0] is 'U' or 'W' && t.All(c => char.IsAsciiDigit(c) || char.IsAsciiLetterUpper(c)) ? t : null;
    }

    /// <summary>"Priya Patel" → "priya-patel".</summary>
    public static string Slug(string name)
    {
        var sb = new StringBuilder();
        foreach (var c in name.Trim().ToLowerInvariant())
        {
            sb.Append(char.IsAsciiLetterOrDigit(c) ? c : '-');
        }

        return string.Join('-', sb.ToString().Split('-', StringSplitOptions.RemoveEmptyEntries));
    }
}
