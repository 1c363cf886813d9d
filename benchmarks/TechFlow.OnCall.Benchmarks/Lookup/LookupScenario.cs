using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using TechFlow.OnCall.Core.Conversation;
using TechFlow.OnCall.Core.Storage;
using TechFlow.OnCallBot.Extensions;

namespace TechFlow.OnCall.Benchmarks.Lookup;

/// <summary>
/// The host's core wiring over the seeded TechFlow team in an in-memory LiteDB store, on Monday 2026-11-23 15:00 UTC
/// (inside the month-end investor period, so the answer carries every line it can).
/// </summary>
public sealed class LookupScenario : IDisposable
{
    public static readonly DateTimeOffset Monday = new(2026, 11, 23, 15, 0, 0, TimeSpan.Zero);
    private readonly ServiceProvider _services;

    public LookupScenario()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Store:Path"] = ":memory:",
            ["Store:Seed"] = "techflow",
        }).Build();
        var services = new ServiceCollection();
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Warning));
        services.AddSingleton<IConfiguration>(configuration);
        services.AddOnCallCore(configuration).AddOnCallStore(configuration);
        services.RemoveAll<TimeProvider>();
        services.AddSingleton<TimeProvider>(new FixedTime(Monday));
        _services = services.BuildServiceProvider();
        _services.PrepareStore();
        Conversation = _services.GetRequiredService<ConversationService>();
        Store = _services.GetRequiredService<IOnCallStore>();
    }

    public ConversationService Conversation { get; }

    public IOnCallStore Store { get; }

    public T Get<T>() where T : notnull => _services.GetRequiredService<T>();

    public void Dispose() => _services.Dispose();

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
