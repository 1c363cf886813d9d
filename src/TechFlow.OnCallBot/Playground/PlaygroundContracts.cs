using System.Text.Json.Serialization;

namespace TechFlow.OnCallBot.Playground;

public sealed record AskRequest(string? As, string? Text, string? At);

public sealed record ActionRequest(string? As, string? ActionId, string? Value, string? MessageId);

public sealed record ReplyResponse(string Html, string Text, bool InChannel);

public sealed record ActionResponse(string? ReplacementHtml, string? Notice);

public sealed record Person(string Id, string Name, string Title);

/// <summary>One message the bot posted; <see cref="Updates"/> names the <see cref="Key"/> of an earlier one it replaces in place.</summary>
public sealed record FeedItem(string Id, string Key, string? Updates, string Kind, string Destination, string Html, string CreatedAt);

[JsonSourceGenerationOptions(System.Text.Json.JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(AskRequest))]
[JsonSerializable(typeof(ActionRequest))]
[JsonSerializable(typeof(ReplyResponse))]
[JsonSerializable(typeof(ActionResponse))]
[JsonSerializable(typeof(IReadOnlyList<Person>))]
[JsonSerializable(typeof(IReadOnlyList<FeedItem>))]
internal sealed partial class PlaygroundJsonContext : JsonSerializerContext;
