namespace TechFlow.OnCall.Core.Inbound;

/// <summary>Acts on inbound work of one <see cref="Kind"/> (a platform adapter registers one per kind).</summary>
/// <remarks>
/// The work is marked done only after <see cref="ProcessAsync"/> returns, so it runs at least once and, after a
/// crash in the middle, again: keep it safe to repeat (the core's changes are idempotent by their keys).
/// </remarks>
public interface IInboundWorkProcessor
{
    string Kind { get; }

    Task ProcessAsync(InboundWork work, CancellationToken cancellationToken);
}
