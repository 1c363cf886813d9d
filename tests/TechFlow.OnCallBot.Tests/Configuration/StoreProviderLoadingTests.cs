using System.Diagnostics;
using System.Net.Http.Json;
using TechFlow.OnCall.Testing;

namespace TechFlow.OnCallBot.Tests.Configuration;

/// <summary>
/// The built host, run as a process: on LiteDB (the default) it never loads the PostgreSQL provider's assemblies,
/// so cold start and idle memory do not pay for them; on PostgreSQL it does.
/// </summary>
public sealed class StoreProviderLoadingTests : IDisposable
{
    private static readonly string[] PostgresAssemblies = ["Npgsql.dll", "Microsoft.EntityFrameworkCore.dll", "TechFlow.OnCall.Storage.Postgres.dll"];
    private readonly string _directory = Directory.CreateTempSubdirectory("oncall-provider-").FullName;

    [Fact]
    public async Task Host_OnLiteDb_NeverLoadsThePostgresAssemblies()
    {
        var loaded = await LoadedAssembliesAfterAnAnswerAsync($"--Store:Path={Path.Combine(_directory, "oncall.db")}");

        Assert.Contains("LiteDB.dll", loaded);
        Assert.Empty(PostgresAssemblies.Intersect(loaded));
    }

    [SkippableFact]
    public async Task Host_OnPostgres_LoadsThem()
    {
        using var database = PostgresTestDatabase.Create();

        var loaded = await LoadedAssembliesAfterAnAnswerAsync("--Store:Provider=Postgres", $"--Store:ConnectionString={database.ConnectionString}");

        Assert.Equal(PostgresAssemblies, PostgresAssemblies.Intersect(loaded));
        Assert.DoesNotContain("LiteDB.dll", loaded);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    /// <summary>Starts the host, asks "/oncall" through the playground, and lists the .dll files it has mapped.</summary>
    private static async Task<HashSet<string>> LoadedAssembliesAfterAnAnswerAsync(params string[] settings)
    {
        var port = TcpCutter.FreePort();
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(HostDll());
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add($"http://127.0.0.1:{port}");
        start.ArgumentList.Add("--Jobs:Enabled=false");
        foreach (var setting in settings)
        {
            start.ArgumentList.Add(setting);
        }

        using var host = Process.Start(start)!;
        host.OutputDataReceived += (_, _) => { };
        host.ErrorDataReceived += (_, _) => { };
        host.BeginOutputReadLine();
        host.BeginErrorReadLine();
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/") };
            HttpResponseMessage? answer = null;
            for (var i = 0; i < 600 && answer is not { IsSuccessStatusCode: true } && !host.HasExited; i++)
            {
                try
                {
                    answer = await http.PostAsJsonAsync("playground/ask", new { As = "alex-chen", Text = "/oncall" });
                }
                catch (HttpRequestException)
                {
                    await Task.Delay(100);
                }
            }

            Assert.True(answer is { IsSuccessStatusCode: true }, "the host did not answer");
            Assert.Contains("Primary", await answer!.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            return [.. (await File.ReadAllLinesAsync($"/proc/{host.Id}/maps"))
                .Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries).LastOrDefault() ?? "")
                .Where(path => path.EndsWith(".dll", StringComparison.Ordinal))
                .Select(Path.GetFileName)
                .OfType<string>()];
        }
        finally
        {
            host.Kill(entireProcessTree: true);
            await host.WaitForExitAsync();
        }
    }

    private static string HostDll()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "TechFlow.OnCallBot.sln")))
        {
            dir = dir.Parent;
        }

        var configuration = AppContext.BaseDirectory.Contains("/Release/", StringComparison.Ordinal) ? "Release" : "Debug";
        return Path.Combine(dir!.FullName, "src", "TechFlow.OnCallBot", "bin", configuration, "net10.0", "TechFlow.OnCallBot.dll");
    }
}
