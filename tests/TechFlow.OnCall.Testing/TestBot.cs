using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using TechFlow.OnCall.Core.Conversation;
using TechFlow.OnCall.Core.Storage;
using TechFlow.OnCallBot.Extensions;

namespace TechFlow.OnCall.Testing;

/// <summary>
/// The real core wiring over an in-memory LiteDB store seeded with the TechFlow team, on a fake clock
/// (or over a fresh PostgreSQL database when <see cref="ProviderVariable"/> is <c>Postgres</c>).
/// For tests that do not need HTTP; use WebApplicationFactory&lt;Program&gt; for those that do.
/// </summary>
public sealed class TestBot : IDisposable
{
    /// <summary>Set to <c>Postgres</c> to run every TestBot on a fresh PostgreSQL database instead of LiteDB.</summary>
    public const string ProviderVariable = "ONCALL_TEST_TESTBOT_PROVIDER";

    private readonly ServiceProvider _services;
    private readonly PostgresTestDatabase? _database;

    private TestBot(ServiceProvider services, FakeTimeProvider time, PostgresTestDatabase? database)
    {
        _services = services;
        Time = time;
        _database = database;
    }

    public FakeTimeProvider Time { get; }

    public IServiceProvider Services => _services;

    public IOnCallStore Store => Get<IOnCallStore>();

    public ConversationService Conversation => Get<ConversationService>();

    /// <param name="now">The fake clock's starting instant.</param>
    /// <param name="settings">Configuration overrides, for example <c>["Team:ShiftLengthDays"] = "14"</c>.</param>
    /// <param name="configure">Extra registrations (replace a port with a substitute, add a room's services).</param>
    public static TestBot Create(DateTimeOffset now, IDictionary<string, string?>? settings = null, Action<IServiceCollection>? configure = null)
    {
        var values = new Dictionary<string, string?>
        {
            ["Store:Path"] = ":memory:",
            ["Store:Seed"] = "techflow",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        // A test that names its own store (a file it reopens to simulate a restart) keeps it.
        var database = string.Equals(Environment.GetEnvironmentVariable(ProviderVariable), "Postgres", StringComparison.OrdinalIgnoreCase)
            && values["Store:Path"] == ":memory:" && !values.ContainsKey("Store:Provider")
            ? PostgresTestDatabase.Create()
            : null;
        if (database is not null)
        {
            values["Store:Provider"] = "Postgres";
            values["Store:ConnectionString"] = database.ConnectionString;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var time = new FakeTimeProvider(now);
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddOnCallCore(configuration).AddOnCallStore(configuration);
        services.RemoveAll<TimeProvider>();
        services.AddSingleton<TimeProvider>(time);
        configure?.Invoke(services);
        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = false, ValidateScopes = true });
        try
        {
            provider.PrepareStore();
        }
        catch
        {
            provider.Dispose();
            database?.Dispose();
            throw;
        }

        return new TestBot(provider, time, database);
    }

    public T Get<T>() where T : notnull => _services.GetRequiredService<T>();

    /// <summary>Asks as <paramref name="engineerId"/> (or a guest) and returns the reply.</summary>
    public async Task<Reply> AskAsync(string text, string? engineerId = null, FrontEnd? frontEnd = null) =>
        await Conversation.AskAsync(new BotInput { FrontEnd = frontEnd ?? TestFrontEnds.Chat, EngineerId = engineerId, Text = text });

    /// <summary>The plain-text rendering of the reply to <paramref name="text"/>, commands written as Slack writes them.</summary>
    public async Task<string> AskTextAsync(string text, string? engineerId = null) =>
        PlainTextRenderer.Render(await AskAsync(text, engineerId), TestFrontEnds.Chat.CommandPrefix);

    /// <summary>Presses a button as <paramref name="engineerId"/>.</summary>
    public async Task<ActionResult> PressAsync(string actionId, string value, string? engineerId) =>
        await Conversation.ActAsync(new BotInput { FrontEnd = TestFrontEnds.Chat, EngineerId = engineerId, Action = new BotAction(actionId, value) });

    public void Dispose()
    {
        _services.Dispose();
        _database?.Dispose();
    }
}
