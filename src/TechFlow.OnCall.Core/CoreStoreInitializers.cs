using TechFlow.OnCall.Core.Announcements;
using TechFlow.OnCall.Core.Inbound;
using TechFlow.OnCall.Core.Roster;
using TechFlow.OnCall.Core.Schedule;
using TechFlow.OnCall.Core.Storage;

namespace TechFlow.OnCall.Core;

/// <summary>The core rooms' store initializers, for the host to register.</summary>
public static class CoreStoreInitializers
{
    public static IReadOnlyList<IStoreInitializer> All { get; } =
        [new RosterStoreInitializer(), new ScheduleStoreInitializer(), new OutboxStoreInitializer(), new InboundStoreInitializer()];
}
