using System.Text.Json;

namespace TechFlow.OnCall.Slack.Api;

/// <summary>A message from <c>conversations.history</c>: its ts and its metadata, when it has any.</summary>
public sealed record HistoryMessage(string Ts, string? EventType, JsonElement? EventPayload);
