using System.Diagnostics;

namespace TechFlow.OnCall.Testing;

/// <summary>
/// How tests start the bot as a separate process, as an operator would. By default that is
/// <c>dotnet TechFlow.OnCallBot.dll</c> from the tests' output folder (or from <c>ONCALL_HOST_DIR</c>). When
/// <c>ONCALL_HOST_NATIVE</c> names an executable, the native build (<c>-p:PublishAot=true</c>) runs instead, so the
/// same tests check what ships that way; test.sh does that for the tests in the <c>ShippedHost</c> category.
/// </summary>
public static class HostCommand
{
    public const string NativeVariable = "ONCALL_HOST_NATIVE";

    /// <summary>The native executable under test, or null for the .NET build.</summary>
    public static string? Native => Environment.GetEnvironmentVariable(NativeVariable) is { Length: > 0 } path ? Path.GetFullPath(path) : null;

    /// <summary>A start for the host with output redirected and the Production environment; add arguments to it.</summary>
    public static ProcessStartInfo Create()
    {
        ProcessStartInfo start;
        if (Native is { } native)
        {
            start = new ProcessStartInfo(native) { WorkingDirectory = Path.GetDirectoryName(native)! };
        }
        else
        {
            var folder = Environment.GetEnvironmentVariable("ONCALL_HOST_DIR") is { Length: > 0 } other ? other : AppContext.BaseDirectory;
            start = new ProcessStartInfo("dotnet") { WorkingDirectory = folder };
            start.ArgumentList.Add(Path.Combine(folder, "TechFlow.OnCallBot.dll"));
        }

        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.UseShellExecute = false;
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        return start;
    }
}
