using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using Microsoft.Extensions.DependencyInjection;
using TechFlow.OnCall.Core.Announcements;
using TechFlow.OnCall.Core.Conversation;
using TechFlow.OnCall.Core.Storage;
using TechFlow.OnCall.Storage;
using TechFlow.OnCall.Testing;
using TechFlow.OnCallBot.Tests.Support;

namespace TechFlow.OnCallBot.Tests.Store;

/// <summary>The CLI beside a running host: reads and backups go through the host, restore is refused.</summary>
[Trait("Category", "ShippedHost")]
public sealed class StoreAdminTests : IDisposable
{
    private static readonly DateTimeOffset Monday = new(2026, 11, 23, 15, 0, 0, TimeSpan.Zero);
    private readonly OnCallApp _host = new(Monday);
    private readonly Uri _address;
    private readonly string _backup = Path.Combine(Path.GetTempPath(), $"oncall-copy-{Guid.NewGuid():N}.db");

    public StoreAdminTests()
    {
        _address = _host.StartKestrel();
        var held = ((LiteDbStore)_host.Services.GetRequiredService<IOnCallStore>()).Lock!;
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (held.Info.AdminUrl is null && DateTime.UtcNow < deadline)
        {
            Thread.Sleep(20);
        }
    }

    [Fact]
    public async Task AskProcess_StoreHeldByAHost_AnswersThroughTheHost()
    {
        using var cli = BotProcess.Start("ask", "who is on call for Aggregate Profit", $"--Store:Path={_host.StorePath}");

        var code = await cli.ExitCodeAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(0, code);
        Assert.Contains("Aggregate Profit: on call now", cli.Output);
        Assert.Equal("", cli.Errors);
    }

    [Fact]
    public async Task ScheduleProcess_StoreHeldByAHost_PrintsTheHostsSchedule()
    {
        using var cli = BotProcess.Start("schedule", "--from", "2026-11-27", "--weeks", "2", "--format", "ics", $"--Store:Path={_host.StorePath}");

        var code = await cli.ExitCodeAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(0, code);
        Assert.StartsWith("BEGIN:VCALENDAR", cli.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BackupProcess_DuringABurstOfWrites_CopyOpensWithEveryAcknowledgedChange()
    {
        var outbox = _host.Services.GetRequiredService<OnCall.Core.Announcements.Outbox>();
        var acknowledged = 0;
        using var stop = new CancellationTokenSource();
        var writer = Task.Run(() =>
        {
            for (var i = 1; !stop.IsCancellationRequested; i++)
            {
                outbox.Enqueue(new OutboxMessage { Id = $"burst:{i}", Kind = "test", Reply = Reply.Info($"message {i}") });
                Volatile.Write(ref acknowledged, i);
            }
        });
        while (Volatile.Read(ref acknowledged) < 50)
        {
            await Task.Delay(5);
        }

        var before = Volatile.Read(ref acknowledged);
        using var cli = BotProcess.Start("backup", "--to", _backup, $"--Store:Path={_host.StorePath}");
        var code = await cli.ExitCodeAsync(TimeSpan.FromSeconds(60));
        var after = Volatile.Read(ref acknowledged);
        await stop.CancelAsync();
        await writer;

        Assert.True(code == 0, cli.Errors);
        Assert.Contains("through the host", cli.Output);
        Assert.Contains("verified", cli.Output);
        using var copy = new LiteDbStore(_backup);
        var ids = copy.Set<OutboxMessage>().All().Select(m => int.Parse(m.Id["burst:".Length..], System.Globalization.CultureInfo.InvariantCulture)).Order().ToList();
        Assert.InRange(ids.Count, before, after + 1);
        Assert.Equal(Enumerable.Range(1, ids.Count), ids);
        Assert.Equal(ids.Count, copy.Set<OutboxCounter>().Get(OutboxCounter.Key)!.Value);
    }

    [Fact]
    public async Task RestoreProcess_StoreHeldByAHost_IsRefusedAndLeavesTheFileAlone()
    {
        LiteDbBackup.Backup((LiteDbStore)_host.Services.GetRequiredService<IOnCallStore>(), _backup);
        var before = Convert.ToHexString(SHA256.HashData(await File.ReadAllBytesAsync(_host.StorePath)));

        using var cli = BotProcess.Start("restore", "--from", _backup, $"--Store:Path={_host.StorePath}");
        var code = await cli.ExitCodeAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(3, code);
        Assert.Contains($"the store {_host.StorePath} is in use by process {Environment.ProcessId}", cli.Errors);
        Assert.Equal(before, Convert.ToHexString(SHA256.HashData(await File.ReadAllBytesAsync(_host.StorePath))));
    }

    [Fact]
    public async Task AdminRoutes_WithoutTheToken_Unauthorized()
    {
        using var http = new HttpClient { BaseAddress = _address };

        var response = await http.GetAsync(new Uri("/admin/backup", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task AdminRoutes_RelayedByAProxy_DoNotExistEvenWithTheToken()
    {
        var token = ((LiteDbStore)_host.Services.GetRequiredService<IOnCallStore>()).Lock!.Info.AdminToken;
        using var http = new HttpClient { BaseAddress = _address };
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/admin/backup", UriKind.Relative));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        request.Headers.Add("X-Forwarded-For", "203.0.113.9");

        var response = await http.SendAsync(request);

        Assert.NotNull(token);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    public void Dispose()
    {
        _host.Dispose();
        File.Delete(_backup);
    }
}
