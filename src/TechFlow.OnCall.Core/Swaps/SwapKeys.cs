using System.Globalization;

namespace TechFlow.OnCall.Core.Swaps;

/// <summary>
/// The keys of a swap or cover request's outbox messages and overrides, in one place: each is unique, so a retried
/// unit of work never posts twice, and an update names the message it replaces.
/// </summary>
public static class SwapKeys
{
    /// <summary>The kind of every swap and cover message.</summary>
    public const string Kind = "swap";

    /// <summary>The request, asked of the counterpart in a direct message.</summary>
    public static string RequestDirect(string requestId) => $"swap:{requestId}:request:dm";

    /// <summary>The request's copy for the requester.</summary>
    public static string RequestToRequester(string requestId) => $"swap:{requestId}:request:dm-requester";

    /// <summary>The request posted to the team channel.</summary>
    public static string RequestChannel(string requestId) => $"swap:{requestId}:request:channel";

    /// <summary>An outcome (<paramref name="what"/>: approved, declined, …) told to one person.</summary>
    public static string OutcomeDirect(string requestId, string what, string engineerId) => $"swap:{requestId}:{what}:dm:{engineerId}";

    /// <summary>An outcome posted to the team channel.</summary>
    public static string OutcomeChannel(string requestId, string what) => $"swap:{requestId}:{what}:channel";

    /// <summary>The outcome <paramref name="status"/> told to one person.</summary>
    public static string OutcomeDirect(string requestId, SwapStatus status, string engineerId) => OutcomeDirect(requestId, Word(status), engineerId);

    /// <summary>The outcome <paramref name="status"/> posted to the team channel.</summary>
    public static string OutcomeChannel(string requestId, SwapStatus status) => OutcomeChannel(requestId, Word(status));

    /// <summary>The update, to <paramref name="status"/>, of the request's message <paramref name="messageKey"/>.</summary>
    public static string Update(string messageKey, SwapStatus status) => $"{messageKey}:{Word(status)}";

    /// <summary>The audit entry of <paramref name="action"/> on a request: each action happens at most once.</summary>
    public static string Audit(string requestId, SwapAction action) => $"{requestId}:{SwapJournal.Word(action)}";

    /// <summary>The daily reminder sent at <paramref name="at"/> (to the minute).</summary>
    public static string Reminder(string requestId, DateTimeOffset at) =>
        string.Create(CultureInfo.InvariantCulture, $"swap:{requestId}:reminder:{at:yyyyMMddHHmm}");

    /// <summary>The one-time reminder of a request.</summary>
    public static string Reminder(string requestId) => $"swap:{requestId}:reminder";

    /// <summary>The warning to the manager about a request still open close to its shift.</summary>
    public static string ManagerWarning(string requestId) => $"swap:{requestId}:manager";

    /// <summary>The <paramref name="n"/>th schedule override an approved request sets.</summary>
    public static string Override(string requestId, int n) => string.Create(CultureInfo.InvariantCulture, $"swap:{requestId}:{n}");

    private static string Word(SwapStatus status) => status.ToString().ToLowerInvariant();
}
