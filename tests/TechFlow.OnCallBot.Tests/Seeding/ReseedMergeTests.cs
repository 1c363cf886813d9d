using TechFlow.OnCall.Core.Pipelines;
using TechFlow.OnCall.Core.Roster;
using TechFlow.OnCall.Core.Schedule;
using TechFlow.OnCall.Testing;
using TechFlow.OnCallBot.Seeding;

namespace TechFlow.OnCallBot.Tests.Seeding;

/// <summary>Reseeding merges the team file into the store: what was learned and planned is kept, leavers and joiners are re-planned.</summary>
public class ReseedMergeTests
{
    /// <summary>Monday 2026-11-23 10:00 EST.</summary>
    private static readonly DateTimeOffset Monday = new(2026, 11, 23, 15, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Reseed_FileWithoutAnEngineer_TheirUnfrozenShiftsGoToOthersAndAnswersNeverNameTheirId()
    {
        using var bot = TestBot.Create(Monday);
        var team = TeamFiles.Seed();
        TeamFiles.RemoveEngineer(team, "mike-rodriguez", "lisa-wang");

        bot.Get<TeamSeeder>().Load(TeamFiles.Write(team));

        var frozenUntil = Monday.AddDays(14);
        var later = bot.Get<EffectiveSchedule>().Between(frozenUntil.AddDays(7), Monday.AddDays(300));
        Assert.NotEmpty(later);
        Assert.All(later, s => Assert.NotEqual("mike-rodriguez", s.HolderId));
        Assert.All(later, s => Assert.False(s.IsUncovered, $"{s.ShiftId} {s.Role} is uncovered"));
        var schedule = await bot.AskTextAsync("/oncall schedule 52 weeks");
        Assert.DoesNotContain("mike-rodriguez", schedule);
        var mike = bot.Get<RosterService>().Find("mike-rodriguez");
        Assert.NotNull(mike);
        Assert.Equal(new DateOnly(2026, 11, 23), mike.LeftOn);
    }

    [Fact]
    public void Reseed_FileWithANewEngineer_TheyGetShiftsFromTheFirstUnfrozenWeek()
    {
        using var bot = TestBot.Create(Monday);
        var team = TeamFiles.Seed();
        TeamFiles.AddEngineer(team, "priya-patel", "Priya Patel", "MidLevel");

        bot.Get<TeamSeeder>().Load(TeamFiles.Write(team));

        var year = bot.Get<EffectiveSchedule>().Between(Monday, Monday.AddDays(364));
        var theirs = year.Where(s => s.HolderId == "priya-patel").ToList();
        Assert.True(theirs.Count >= 15, $"the new engineer holds {theirs.Count} slices in a year");
        Assert.All(theirs, s => Assert.True(s.Start >= Monday.AddDays(14), $"{s.ShiftId} is frozen"));
    }

    [Fact]
    public void Reseed_FileWithoutChatIds_KeepsTheIdentitiesTheBotLearned()
    {
        using var bot = TestBot.Create(Monday);
        var roster = bot.Get<RosterService>();
        roster.Save(roster.Find("lisa-wang")! with { SlackUserId = "U0LISA", TeamsUserId = "29:lisa", TeamsAadObjectId = "aad-lisa" });

        bot.Get<TeamSeeder>().Load(TeamFiles.Write(TeamFiles.Seed()));

        var lisa = roster.Find("lisa-wang")!;
        Assert.Equal(("U0LISA", "29:lisa", "aad-lisa"), (lisa.SlackUserId, lisa.TeamsUserId, lisa.TeamsAadObjectId));
        Assert.Equal("lisa-wang", roster.BySlackId("U0LISA")?.Id);
    }

    [Fact]
    public async Task PipelineRenamedByAnotherWriter_TheRunningBotAnswersWithTheNewNameAtOnce()
    {
        using var bot = TestBot.Create(Monday);
        Assert.Contains("Daily Growth", await bot.AskTextAsync("/oncall owners"));

        // Another writer (a replica, or a unit of work that does not know the catalog) changes the pipeline.
        bot.Store.Write(tx => tx.Set<Pipeline>().Upsert(tx.Set<Pipeline>().Get("daily-growth")! with { Name = "Daily Account Growth" }));

        var reply = await bot.AskTextAsync("/oncall owners daily account growth");
        Assert.Contains("Daily Account Growth", reply);
    }

    [Theory]
    [InlineData("owner-left", "would have no owner: \"mike-rodriguez\" has left the team")]
    [InlineData("one-left", "fewer than two engineers would be in the rotation")]
    public void Reseed_FileThatLeavesAShiftOrPipelineWithoutAPerson_IsRefusedAndChangesNothing(string kind, string expected)
    {
        using var bot = TestBot.Create(Monday);
        var team = TeamFiles.Seed();
        var engineers = TeamFiles.Engineers(team);
        if (kind == "owner-left")
        {
            engineers.First(e => (string?)e!["id"] == "mike-rodriguez")!["leftOn"] = "2026-11-23";
        }
        else
        {
            foreach (var e in engineers.Where(e => (string?)e!["id"] != "alex-chen" && (string?)e!["id"] != "jordan-blake"))
            {
                e!["leftOn"] = "2026-11-23";
            }

            foreach (var p in TeamFiles.Pipelines(team))
            {
                (p!["primaryOwner"], p["secondaryOwner"]) = ("alex-chen", "jordan-blake");
            }
        }

        var before = System.Text.Json.JsonSerializer.Serialize(bot.Store.Set<Engineer>().All().OrderBy(e => e.Id))
            + System.Text.Json.JsonSerializer.Serialize(bot.Store.Set<Shift>().All().OrderBy(s => s.Id));

        var error = Assert.Throws<TeamFileException>(() => bot.Get<TeamSeeder>().Load(TeamFiles.Write(team)));

        Assert.Contains(expected, error.Message);
        Assert.Equal(before, System.Text.Json.JsonSerializer.Serialize(bot.Store.Set<Engineer>().All().OrderBy(e => e.Id))
            + System.Text.Json.JsonSerializer.Serialize(bot.Store.Set<Shift>().All().OrderBy(s => s.Id)));
    }
}
