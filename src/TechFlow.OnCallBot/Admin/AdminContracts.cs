using System.Text.Json.Serialization;

namespace TechFlow.OnCallBot.Admin;

/// <summary>A read-only CLI command for the host to run on its own store (<c>ask</c>, <c>schedule</c>).</summary>
public sealed record AdminCliRequest(IReadOnlyList<string> Args);

public sealed record AdminCliResponse(int ExitCode, string Output, string Errors);

[JsonSourceGenerationOptions(System.Text.Json.JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(AdminCliRequest))]
[JsonSerializable(typeof(AdminCliResponse))]
[JsonSerializable(typeof(Dictionary<string, int>))]
internal sealed partial class AdminJsonContext : JsonSerializerContext;
