using System.Runtime.CompilerServices;
using TechFlow.OnCall.Core.Storage;
using TechFlow.OnCall.Storage;
using TechFlow.OnCallBot.Admin;
using TechFlow.OnCallBot.Cli;
using TechFlow.OnCallBot.Extensions;
using TechFlow.OnCallBot.Health;
using TechFlow.OnCallBot.Observability;
using TechFlow.OnCallBot.Playground;

if (CliApp.IsCommand(args))
{
    return await CliApp.RunAsync(args);
}

StartupTimeline.Mark("main");
if (!RuntimeFeature.IsDynamicCodeSupported)
{
    // The native build, always on LiteDB: its buffer pool goes first, before anything large that dies (even building the
    // host allocates some), so the garbage collector never has to move it (LiteDbBufferPool). The .NET build leaves it
    // to LiteDB: there it measured the same either way, and a host on PostgreSQL never loads LiteDB.
    LiteDbBufferPool.PlaceFirst();
}

var builder = WebApplication.CreateSlimBuilder(args);
builder.WebHost.UseUrlsIfUnset("http://localhost:3978");
builder.Logging.UseConsoleSettings(builder.Configuration);
builder.Services
    .AddStartupTimeline()
    .AddOnCallCore(builder.Configuration)
    .AddOnCallStore(builder.Configuration)
    .AddOutboxDispatcher()
    .AddIdleMemoryTrim(builder.Configuration)
    .AddAdmin()
    .AddPlayground()
    .AddOnCallMetrics()
    .AddReadiness();

// Chat platforms and jobs: one line each.
builder.Services.AddOnCallJobs(builder.Configuration);
builder.Services.AddSlack(builder.Configuration);
builder.Services.AddTeams(builder.Configuration);

var app = builder.Build();
StartupTimeline.Mark("host built");
try
{
    app.Services.PrepareStore();
}
catch (StoreUnavailableException ex)
{
    await Console.Error.WriteLineAsync(ex.Message);
    return CliApp.StoreUnavailableExitCode;
}

app.UseStartupTimeline();
app.UseOnCallMetrics();
app.MapHealth();
app.MapPlayground();
app.MapAdmin();

// Chat platform endpoints: one line each.
app.MapPaging();
app.MapSlack();
app.MapTeams();
app.MapFairSchedule();
StartupTimeline.Mark("endpoints mapped");
await app.RunAsync();
return 0;

/// <summary>The host entry point (public for WebApplicationFactory).</summary>
public partial class Program;
