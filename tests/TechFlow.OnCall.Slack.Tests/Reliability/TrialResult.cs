namespace TechFlow.OnCall.Slack.Tests.Reliability;

/// <summary>What the fake Slack received in one kill trial.</summary>
/// <param name="Expected">Outbox keys the store holds for Slack (every one must be posted once).</param>
/// <param name="Duplicates">Keys posted more than once.</param>
/// <param name="Losses">Expected keys never posted, or deliveries not Sent at the end.</param>
/// <param name="ReminderLateness">How long after its due instant the first reminder post reached Slack (reminder trials).</param>
public sealed record TrialResult(KillMoment Moment, int Expected, IReadOnlyList<string> Duplicates, IReadOnlyList<string> Losses, TimeSpan? ReminderLateness)
{
    public bool Clean => Duplicates.Count == 0 && Losses.Count == 0;

    public override string ToString() =>
        $"{Moment}: {Expected} expected, {Duplicates.Count} duplicates [{string.Join(", ", Duplicates)}], {Losses.Count} losses [{string.Join(", ", Losses)}]";
}
