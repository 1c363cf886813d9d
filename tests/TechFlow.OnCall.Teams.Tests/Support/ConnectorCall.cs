using System.Text.Json.Nodes;

namespace TechFlow.OnCall.Teams.Tests.Support;

/// <summary>One request the fake Bot Connector received.</summary>
public sealed record ConnectorCall(string Method, string Path, string Authorization, JsonNode? Body);
