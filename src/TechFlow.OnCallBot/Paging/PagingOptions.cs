namespace TechFlow.OnCallBot.Paging;

/// <summary>Configuration section <c>Paging</c>.</summary>
public sealed class PagingOptions
{
    public const string Section = "Paging";

    /// <summary>
    /// The shared secret monitors send as <c>Authorization: Bearer …</c> to POST /api/pages. Empty turns the
    /// endpoint off (404). When set it must be at least 16 characters.
    /// </summary>
    public string? ApiSecret { get; set; }
}
