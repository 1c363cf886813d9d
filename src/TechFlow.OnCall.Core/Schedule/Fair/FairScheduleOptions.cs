namespace TechFlow.OnCall.Core.Schedule.Fair;

/// <summary>Settings of the fair generator (configuration section <c>FairSchedule</c>).</summary>
public sealed class FairScheduleOptions
{
    public const string Section = "FairSchedule";

    /// <summary>When a junior primary needs a senior or mid-level secondary.</summary>
    public SeniorityRule SeniorityRule { get; set; } = SeniorityRule.InvestorPeriod;

    /// <summary>How many shifts of history are read to even out the next plan.</summary>
    public int HistoryShifts { get; set; } = 400;

    /// <summary>Relative weights of the categories in the balancing objective; major holidays weigh most.</summary>
    public int PrimaryWeight { get; set; } = 4;
    public int SecondaryWeight { get; set; } = 2;
    public int HolidayWeight { get; set; } = 3;
    public int MajorHolidayWeight { get; set; } = 5;
    public int InvestorPeriodWeight { get; set; } = 3;

    internal int[] Weights => [PrimaryWeight, SecondaryWeight, HolidayWeight, MajorHolidayWeight, InvestorPeriodWeight];
}
