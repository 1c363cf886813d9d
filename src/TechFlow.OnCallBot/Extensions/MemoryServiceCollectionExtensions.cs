using TechFlow.OnCallBot.Background;

namespace TechFlow.OnCallBot.Extensions;

public static class MemoryServiceCollectionExtensions
{
    /// <summary>Gives memory back when the process goes quiet (section <c>Memory</c>; see <see cref="IdleMemoryTrim"/>).</summary>
    public static IServiceCollection AddIdleMemoryTrim(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<MemoryTrimOptions>()
            .Bind(configuration.GetSection(MemoryTrimOptions.Section))
            .Validate(o => o.TrimCheckInterval >= TimeSpan.Zero, "Memory:TrimCheckInterval must not be negative (00:00:00 turns trimming off)")
            .Validate(o => o.TrimAfterAllocatedBytes >= 0 && o.QuietAllocatedBytes >= 0, "Memory:TrimAfterAllocatedBytes and Memory:QuietAllocatedBytes must not be negative")
            .ValidateOnStart();
        services.AddHostedService<IdleMemoryTrim>();
        return services;
    }
}
