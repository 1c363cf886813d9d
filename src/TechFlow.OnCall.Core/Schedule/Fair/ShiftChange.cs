namespace TechFlow.OnCall.Core.Schedule.Fair;

/// <summary>One window whose stored shift regeneration replaced (or filled, when <see cref="Before"/> is null).</summary>
public sealed record ShiftChange(string ShiftId, Shift? Before, Shift After)
{
    /// <summary>Engineers whose role in this window changed: they gained, lost or switched a role.</summary>
    public IEnumerable<string> Moved()
    {
        if (Before is null)
        {
            return [];
        }

        var before = new[] { (ShiftRole.Primary, Before.PrimaryId), (ShiftRole.Secondary, Before.SecondaryId) };
        var after = new[] { (ShiftRole.Primary, After.PrimaryId), (ShiftRole.Secondary, After.SecondaryId) };
        return before.Except(after).Concat(after.Except(before)).Select(x => x.Item2).Distinct();
    }
}
