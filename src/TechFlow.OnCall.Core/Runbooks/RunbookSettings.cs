namespace TechFlow.OnCall.Core.Runbooks;

/// <summary>Configuration section <c>Runbooks</c>.</summary>
public sealed class RunbookSettings
{
    public const string Section = "Runbooks";

    /// <summary>The folder of runbook Markdown files; a relative path means the checkout's folder when run from one, else the app folder's.</summary>
    public string Path { get; set; } = "runbooks";

    /// <summary>A runbook not reviewed for more than this many days is flagged in <c>oncall runbooks</c>.</summary>
    public int ReviewAfterDays { get; set; } = 90;
}
