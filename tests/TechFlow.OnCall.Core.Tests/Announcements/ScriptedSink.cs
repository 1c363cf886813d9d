using System.Collections.Concurrent;
using TechFlow.OnCall.Core.Announcements;

namespace TechFlow.OnCall.Core.Tests.Announcements;

/// <summary>A chat platform whose answers a test scripts; records every call in order.</summary>
internal sealed class ScriptedSink : IChatDelivery
{
    private readonly ConcurrentQueue<string> _calls = new();

    public string Name => "fake";

    public bool IsEnabled => true;

    /// <summary><c>deliver:{key}</c> and <c>reconcile:{key}</c>, in call order.</summary>
    public IReadOnlyList<string> Calls => [.. _calls];

    /// <summary>The keys delivered, in order.</summary>
    public IReadOnlyList<string> Delivered => [.. _calls.Where(c => c.StartsWith("deliver:", StringComparison.Ordinal)).Select(c => c["deliver:".Length..])];

    public Func<OutboxMessage, Task<DeliveryOutcome>> Deliver { get; set; } = m => Task.FromResult<DeliveryOutcome>(new DeliveryOutcome.Sent("ref:" + m.Id));

    public Func<OutboxMessage, Task<Reconciliation>> Reconcile { get; set; } = _ => Task.FromResult<Reconciliation>(new Reconciliation.NotLanded());

    public Task<DeliveryOutcome> DeliverAsync(OutboxMessage message, string? updateRef, CancellationToken cancellationToken)
    {
        _calls.Enqueue("deliver:" + message.Id);
        return Deliver(message);
    }

    public Task<Reconciliation> ReconcileAsync(OutboxMessage message, string? updateRef, DateTimeOffset since, CancellationToken cancellationToken)
    {
        _calls.Enqueue("reconcile:" + message.Id);
        return Reconcile(message);
    }
}
