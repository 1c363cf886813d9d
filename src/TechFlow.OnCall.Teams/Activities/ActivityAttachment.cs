using System.Text.Json.Nodes;

namespace TechFlow.OnCall.Teams.Activities;

/// <summary>An attachment, such as an Adaptive Card.</summary>
public sealed record ActivityAttachment
{
    public string? ContentType { get; init; }
    public JsonNode? Content { get; init; }
}
