namespace TechFlow.OnCall.Core.Tests.Storage;

/// <summary>A counter kept in another collection than <see cref="Note"/>, to see units of work land whole.</summary>
public sealed record Tally
{
    public required string Id { get; init; }
    public int Value { get; init; }
}
