using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using TechFlow.OnCall.Core.Storage;

namespace TechFlow.OnCall.Core.Calendar;

/// <summary>
/// The secrets in the iCalendar feeds' addresses: one per engineer and one for the team, made on first use, replaced
/// on request (the old address then stops working), and checked in constant time.
/// </summary>
public sealed class CalendarFeedTokens(IOnCallStore store, TimeProvider time)
{
    /// <summary>The owner key of the team feed.</summary>
    public const string Team = "team";

    /// <summary>The owner key of <paramref name="engineerId"/>'s feed.</summary>
    public static string Engineer(string engineerId) => "engineer:" + engineerId;

    /// <summary>The owner's token, made now if it has none.</summary>
    public string For(string owner)
    {
        if (store.Set<CalendarFeedToken>().Get(owner) is { } existing)
        {
            return existing.Token;
        }

        return store.Write(tx =>
        {
            var tokens = tx.Set<CalendarFeedToken>();
            if (tokens.Get(owner) is { } raced)
            {
                return raced.Token;
            }

            var made = New(owner);
            tokens.TryInsert(made);
            return made.Token;
        });
    }

    /// <summary>Replaces the owner's token: the address with the old one answers 404 from now on.</summary>
    public string Reset(string owner)
    {
        var made = New(owner);
        store.Write(tx => tx.Set<CalendarFeedToken>().Upsert(made));
        return made.Token;
    }

    /// <summary>Whether <paramref name="token"/> is the owner's, compared in constant time; false when the owner has none.</summary>
    public bool Verify(string owner, string? token)
    {
        var expected = store.Set<CalendarFeedToken>().Get(owner)?.Token;
        if (string.IsNullOrEmpty(expected) || string.IsNullOrEmpty(token))
        {
            return false;
        }

        return CryptographicOperations.FixedTimeEquals(
            SHA256.HashData(Encoding.UTF8.GetBytes(token)),
            SHA256.HashData(Encoding.UTF8.GetBytes(expected)));
    }

    private CalendarFeedToken New(string owner) => new()
    {
        Id = owner,
        Token = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32)),
        CreatedAt = time.GetUtcNow(),
    };
}
