namespace TechFlow.OnCallBot.Observability;

/// <summary>One destination's outbox backlog: deliveries waiting, and how long the oldest due one has been due.</summary>
public sealed record OutboxLane(string Sink, string Destination, int Pending, TimeSpan OldestAge);
