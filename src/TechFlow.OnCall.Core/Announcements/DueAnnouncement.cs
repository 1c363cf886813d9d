namespace TechFlow.OnCall.Core.Announcements;

/// <summary>An announcement that falls due at <see cref="Due"/>; <see cref="Build"/> writes its messages when it is posted.</summary>
/// <param name="Key">The outbox key of its first message; also the key a skip is recorded under.</param>
/// <param name="Kind">The message kind (<c>handoff-reminder</c>, <c>shift-start</c>, …).</param>
/// <param name="Due">When it should be posted.</param>
/// <param name="Build">Writes the messages at the given instant (each with its own unique key); empty for nothing to say.</param>
public sealed record DueAnnouncement(string Key, string Kind, DateTimeOffset Due, Func<DateTimeOffset, IReadOnlyList<OutboxMessage>> Build);
