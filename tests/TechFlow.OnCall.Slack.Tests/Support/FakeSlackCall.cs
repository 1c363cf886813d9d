using System.Text.Json.Nodes;

namespace TechFlow.OnCall.Slack.Tests.Support;

/// <summary>One request the fake Slack received, and the status it answered.</summary>
public sealed record FakeSlackCall(string Method, JsonNode? Body, IReadOnlyDictionary<string, string> Query, string Authorization, int Status);
