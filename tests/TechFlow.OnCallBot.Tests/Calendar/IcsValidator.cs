using TechFlow.OnCall.Testing;

namespace TechFlow.OnCallBot.Tests.Calendar;

/// <summary>Runs tools/validators/bin/validate-ics (ical.js plus RFC 5545 structure) on a feed.</summary>
internal static class IcsValidator
{
    public static (int ExitCode, string Output) Check(string ics) =>
        NodeValidators.RunOnTextAsync("validate-ics", ics, ".ics").GetAwaiter().GetResult();
}
