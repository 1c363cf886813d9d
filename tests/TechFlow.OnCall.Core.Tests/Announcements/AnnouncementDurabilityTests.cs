using TechFlow.OnCall.Core.Announcements;
using static TechFlow.OnCall.Core.Tests.Announcements.AnnouncementDriver;

namespace TechFlow.OnCall.Core.Tests.Announcements;

public sealed class AnnouncementDurabilityTests : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"oncall-announcements-{Guid.NewGuid():N}.db");

    private Dictionary<string, string?> FileStore => new() { ["Store:Path"] = _path };

    [Fact]
    public void Plan_RestartAcrossFridayReminder_PostsEveryMessageExactlyOnce()
    {
        var posted = new List<string>();
        using (var before = StartAt(Local(2026, 11, 26, 12), FileStore))
        {
            posted.AddRange(Drive(before, Local(2026, 11, 27, 9, 45)));
        }

        using (var after = StartAt(Local(2026, 11, 27, 13), FileStore))
        {
            posted.AddRange(Drive(after, Local(2026, 11, 28, 0)));
            Assert.Equal(posted.Count, after.Store.Set<OutboxMessage>().Count());
        }

        string[] expected =
        [
            "2026-11-26 17:00 reminder:2026-11-27:lisa-wang:1d",
            "2026-11-26 17:00 reminder:2026-11-27:mike-rodriguez:1d",
            "2026-11-27 13:00 handoff-reminder:2026-11-27",
            "2026-11-27 13:00 handoff-reminder:2026-11-27:dm",
            "2026-11-27 17:00 shift-start:2026-11-27",
            "2026-11-27 17:00 reminder:2026-12-04:mike-rodriguez:7d",
            "2026-11-27 17:00 reminder:2026-12-04:sarah-johnson:7d",
        ];
        Assert.Equal(expected, posted);
    }

    [Fact]
    public void Plan_RestartTwiceAtTheSameInstant_PostsNothingTwice()
    {
        using (var first = StartAt(Local(2026, 11, 27, 10), FileStore))
        {
            Assert.Equal(2, first.Get<AnnouncementPlanner>().Plan(first.Time.GetUtcNow()).Posted.Count);
        }

        using var second = StartAt(Local(2026, 11, 27, 10), FileStore);
        Assert.Empty(second.Get<AnnouncementPlanner>().Plan(second.Time.GetUtcNow()).Posted);
        Assert.Equal(2, second.Store.Set<OutboxMessage>().Count());
    }

    [Fact]
    public void Plan_OutagePastGraceWindow_SkipsStaleOnesOnceAndPostsTheRest()
    {
        using (var before = StartAt(Local(2026, 11, 27, 9), FileStore))
        {
            Drive(before, Local(2026, 11, 27, 9, 45));
        }

        using var after = StartAt(Local(2026, 11, 28, 0), FileStore);
        var planner = after.Get<AnnouncementPlanner>();
        var run = planner.Plan(after.Time.GetUtcNow());

        Assert.Empty(run.Posted);
        Assert.Equal(
            ["handoff-reminder:2026-11-27", "shift-start:2026-11-27", "reminder:2026-12-04:mike-rodriguez:7d", "reminder:2026-12-04:sarah-johnson:7d"],
            run.Skipped.Select(s => s.Id));
        Assert.Equal(4, after.Store.Set<SkippedAnnouncement>().Count());
        Assert.Equal(0, after.Store.Set<OutboxMessage>().Count());
        after.Time.Advance(TimeSpan.FromMinutes(15));
        var next = planner.Plan(after.Time.GetUtcNow());
        Assert.Empty(next.Skipped);
        Assert.Empty(next.Posted);
    }

    [Fact]
    public void Plan_OutageWithinGraceWindow_PostsTheMissedOneLate()
    {
        using var bot = StartAt(Local(2026, 11, 27, 9), new Dictionary<string, string?> { ["Announcements:GraceHours"] = "2" });
        var planner = bot.Get<AnnouncementPlanner>();
        planner.Plan(bot.Time.GetUtcNow());

        bot.Time.SetUtcNow(Local(2026, 11, 27, 11, 30));
        var run = planner.Plan(bot.Time.GetUtcNow());

        Assert.Equal(["handoff-reminder:2026-11-27", "handoff-reminder:2026-11-27:dm"], run.Posted);
        Assert.Empty(run.Skipped);
    }

    [Fact]
    public void Plan_OutageJustPastShortGraceWindow_SkipsIt()
    {
        using var bot = StartAt(Local(2026, 11, 27, 9), new Dictionary<string, string?> { ["Announcements:GraceHours"] = "1" });
        var planner = bot.Get<AnnouncementPlanner>();
        planner.Plan(bot.Time.GetUtcNow());

        bot.Time.SetUtcNow(Local(2026, 11, 27, 11, 30));
        var run = planner.Plan(bot.Time.GetUtcNow());

        Assert.Empty(run.Posted);
        Assert.Equal(["handoff-reminder:2026-11-27"], run.Skipped.Select(s => s.Id));
    }

    public void Dispose()
    {
        foreach (var file in new[] { _path, Path.ChangeExtension(_path, null) + "-log.db" })
        {
            if (File.Exists(file))
            {
                File.Delete(file);
            }
        }
    }
}
