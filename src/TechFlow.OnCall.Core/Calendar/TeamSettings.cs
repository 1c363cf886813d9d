namespace TechFlow.OnCall.Core.Calendar;

/// <summary>The team-wide settings (configuration section <c>Team</c>).</summary>
public sealed class TeamSettings
{
    public const string Section = "Team";

    public string Name { get; set; } = "TechFlow Data Engineering";
    /// <summary>IANA zone the team's dates and handoffs are in.</summary>
    public string TimeZone { get; set; } = "America/New_York";
    public DayOfWeek HandoffDay { get; set; } = DayOfWeek.Friday;
    public TimeOnly HandoffTime { get; set; } = new(17, 0);
    /// <summary>Length of one shift in days: 1, 7, 14 or any N.</summary>
    public int ShiftLengthDays { get; set; } = 7;
    /// <summary>A local date on which a shift starts; fixes the phase of 14-day and N-day rotations.</summary>
    public DateOnly RotationAnchor { get; set; } = new(2026, 1, 2);
    /// <summary>How many weeks ahead the schedule is planned.</summary>
    public int PlanAheadWeeks { get; set; } = 52;
    /// <summary>Shifts that start within this many weeks are never changed by regeneration.</summary>
    public int FrozenWeeks { get; set; } = 2;
    /// <summary>The month-end investor period: the last N business days of each month.</summary>
    public int InvestorPeriodBusinessDays { get; set; } = 5;
    /// <summary>Holidays that weigh more in fairness and get heads-ups.</summary>
    public IList<string> MajorHolidays { get; set; } = ["Thanksgiving", "Christmas Day", "New Year's Day", "Independence Day"];
    /// <summary>Working hours, for the in/out-of-hours split of the fairness report.</summary>
    public TimeOnly WorkdayStart { get; set; } = new(9, 0);
    public TimeOnly WorkdayEnd { get; set; } = new(17, 0);
    /// <summary>Engineer ids who may change the team, besides the engineering manager and admins in the team file.</summary>
    public IList<string> Admins { get; set; } = [];

    public TimeZoneInfo Zone => TimeZoneInfo.FindSystemTimeZoneById(TimeZone);
}
