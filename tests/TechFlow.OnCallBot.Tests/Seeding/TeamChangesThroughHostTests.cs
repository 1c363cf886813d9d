using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using TechFlow.OnCall.Core.Pipelines;
using TechFlow.OnCall.Core.Roster;
using TechFlow.OnCall.Core.Storage;
using TechFlow.OnCall.Core.TeamChanges;
using TechFlow.OnCall.Storage;
using TechFlow.OnCall.Testing;
using TechFlow.OnCallBot.Cli;

namespace TechFlow.OnCallBot.Tests.Seeding;

/// <summary>Team changes reach the running host at once, over HTTP (the playground) and from the CLI beside it, with no restart.</summary>
public sealed partial class TeamChangesThroughHostTests : IDisposable
{
    private static readonly DateTimeOffset Monday = new(2026, 11, 23, 15, 0, 0, TimeSpan.Zero);
    private readonly OnCallApp _host = new(Monday);

    public TeamChangesThroughHostTests()
    {
        _host.StartKestrel();
        var held = ((LiteDbStore)_host.Services.GetRequiredService<IOnCallStore>()).Lock!;
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (held.Info.AdminUrl is null && DateTime.UtcNow < deadline)
        {
            Thread.Sleep(20);
        }
    }

    [Fact]
    public async Task AddLeaveAndLink_OverHttp_TheRunningHostAnswersWithTheNewTeam()
    {
        using var client = _host.CreateClient();

        await ConfirmAsync(client, "/oncall team add Priya Patel mid America/Chicago");
        await ConfirmAsync(client, "/oncall team leave mike");
        var linked = await AskAsync(client, "jordan-blake", "/oncall link lisa @U0LISA");
        var team = await AskAsync(client, "sarah-johnson", "/oncall team");
        var owners = await AskAsync(client, "sarah-johnson", "/oncall owners");

        Assert.Contains("Linked Slack user U0LISA to Lisa Wang", linked);
        Assert.Matches(@"Priya Patel .* (primary|secondary) from ", team);
        Assert.Contains("U0LISA", team);
        Assert.Contains("left Mon Nov 23", team);
        Assert.DoesNotContain("Mike Rodriguez", owners);
        Assert.Equal("lisa-wang", _host.Services.GetRequiredService<RosterService>().BySlackId("U0LISA")?.Id);
    }

    [Fact]
    public async Task PipelineAdd_OverHttp_IsAnsweredForEscalatedAndPagedAtOnce()
    {
        using var client = _host.CreateClient();

        var added = await AskAsync(client, "jordan-blake", "/oncall pipeline add churn-daily Daily Churn owners lisa sarah criticality high");
        var answer = await AskAsync(client, "sarah-johnson", "/oncall daily churn");
        var escalation = await AskAsync(client, "sarah-johnson", "/oncall escalation daily churn");
        var page = await AskAsync(client, "sarah-johnson", "/oncall page daily churn job failed");

        Assert.Contains("Done: added pipeline Daily Churn", added);
        Assert.Contains("Daily Churn", answer);
        Assert.Contains("Lisa Wang", escalation);
        Assert.Contains("Daily Churn", page);
        Assert.Equal("lisa-wang", _host.Services.GetRequiredService<PipelineCatalog>().Get("churn-daily")?.PrimaryOwnerId);
    }

    [Fact]
    public async Task Command_FromANonAdminOverHttp_IsRefusedAndNothingChanges()
    {
        using var client = _host.CreateClient();

        var reply = await AskAsync(client, "lisa-wang", "/oncall team leave mike");

        Assert.Contains("Only an admin", reply);
        Assert.Empty(_host.Services.GetRequiredService<IOnCallStore>().Set<TeamChangeRequest>().All());
    }

    [Fact]
    public async Task Reseed_FromTheCliBesideTheHost_GoesThroughTheHostKeepsIdentitiesAndRetiresThePipeline()
    {
        var roster = _host.Services.GetRequiredService<RosterService>();
        roster.Save(roster.Find("lisa-wang")! with { SlackUserId = "U0LISA" });
        var team = TeamFiles.Seed();
        var pipelines = TeamFiles.Pipelines(team);
        pipelines.Remove(pipelines.First(p => (string?)p!["id"] == "experiment-aggregate"));
        TeamFiles.AddEngineer(team, "priya-patel", "Priya Patel", "Senior");
        var file = TeamFiles.Write(team);
        using var output = new StringWriter();
        using var errors = new StringWriter();

        var dry = await CliApp.RunAsync(["reseed", "--file", file, "--dry-run", $"--Store:Path={_host.StorePath}"], output, errors);
        var unchanged = roster.Find("priya-patel");
        var code = await CliApp.RunAsync(["reseed", "--file", file, $"--Store:Path={_host.StorePath}"], output, errors);

        Assert.True(dry == 0 && code == 0, errors.ToString());
        Assert.Null(unchanged);
        Assert.Contains("add engineer priya-patel", output.ToString());
        Assert.Contains("retire pipeline experiment-aggregate", output.ToString());
        Assert.NotNull(roster.Find("priya-patel"));
        Assert.Equal("U0LISA", roster.Find("lisa-wang")!.SlackUserId);
        Assert.Null(_host.Services.GetRequiredService<PipelineCatalog>().Get("experiment-aggregate"));
    }

    public void Dispose() => _host.Dispose();

    private static async Task<string> AskAsync(HttpClient client, string who, string text)
    {
        var response = await client.PostAsJsonAsync(new Uri("/playground/ask", UriKind.Relative), new { @as = who, text });
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return body.GetProperty("text").GetString()!;
    }

    private static async Task ConfirmAsync(HttpClient client, string text)
    {
        var card = await AskAsync(client, "jordan-blake", text);
        var id = ConfirmId().Match(card).Groups[1].Value;
        Assert.False(string.IsNullOrEmpty(id), card);
        var response = await client.PostAsJsonAsync(new Uri("/playground/action", UriKind.Relative), new { @as = "jordan-blake", actionId = TeamMessages.Confirm, value = id });
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("Done.", body.GetProperty("notice").GetString());
    }

    [GeneratedRegex(@"type team confirm ([a-z0-9]{6})")]
    private static partial Regex ConfirmId();
}
