using System.Text.Json.Serialization;

namespace TechFlow.OnCallBot.Paging;

/// <summary>The body of POST /api/pages.</summary>
public sealed record PageApiRequest(string? Pipeline, string? Message, string? Source);

/// <summary>The answer: <c>opened</c> (202) or <c>joined</c> (200).</summary>
public sealed record PageApiResponse(string Id, string Status, string Pipeline, int Reports);

/// <summary>An error, with pipeline suggestions when the name did not match.</summary>
public sealed record PageApiError(string Error, IReadOnlyList<string> Suggestions);

[JsonSourceGenerationOptions(System.Text.Json.JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(PageApiRequest))]
[JsonSerializable(typeof(PageApiResponse))]
[JsonSerializable(typeof(PageApiError))]
internal sealed partial class PagingJsonContext : JsonSerializerContext;
