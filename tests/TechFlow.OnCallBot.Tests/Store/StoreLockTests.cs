using System.Security.Cryptography;
using Microsoft.Extensions.DependencyInjection;
using TechFlow.OnCall.Core.Storage;
using TechFlow.OnCall.Testing;
using TechFlow.OnCallBot.Cli;
using TechFlow.OnCallBot.Tests.Support;

namespace TechFlow.OnCallBot.Tests.Store;

/// <summary>One process owns a store: a second host or a writing CLI on a held store stops before touching it.</summary>
[Trait("Category", "ShippedHost")]
public sealed class StoreLockTests : IDisposable
{
    private static readonly DateTimeOffset Monday = new(2026, 11, 23, 15, 0, 0, TimeSpan.Zero);
    private readonly OnCallApp _host = new(Monday);

    public StoreLockTests() => _ = _host.Services.GetRequiredService<IOnCallStore>();

    private string InUse => $"the store {_host.StorePath} is in use by process {Environment.ProcessId}; stop it or use --Store:Path";

    [Fact]
    public async Task SecondHost_StoreHeld_ExitsNonZeroWithTheMessageAndLeavesTheFileAlone()
    {
        var before = Fingerprint();

        using var second = BotProcess.Start($"--Store:Path={_host.StorePath}", "--urls=http://127.0.0.1:0", "--Jobs:Enabled=false");
        var code = await second.ExitCodeAsync(TimeSpan.FromSeconds(60));

        Assert.NotNull(code);
        Assert.NotEqual(0, code);
        Assert.Contains(InUse, second.Errors);
        Assert.Equal(before, Fingerprint());
    }

    [Fact]
    public async Task CliReseed_StoreHeld_ExitsNonZeroWithTheMessageAndLeavesTheFileAlone()
    {
        var before = Fingerprint();
        using var output = new StringWriter();
        using var errors = new StringWriter();

        var code = await CliApp.RunAsync(["reseed", $"--Store:Path={_host.StorePath}"], output, errors);

        Assert.NotEqual(0, code);
        Assert.Contains(InUse, errors.ToString());
        Assert.Equal(before, Fingerprint());
    }

    [Fact]
    public async Task CliReseedProcess_StoreHeld_ExitsNonZeroWithTheMessageAndLeavesTheFileAlone()
    {
        var before = Fingerprint();

        using var cli = BotProcess.Start("reseed", $"--Store:Path={_host.StorePath}");
        var code = await cli.ExitCodeAsync(TimeSpan.FromSeconds(60));

        Assert.NotNull(code);
        Assert.NotEqual(0, code);
        Assert.Contains(InUse, cli.Errors);
        Assert.Equal(before, Fingerprint());
    }

    [Fact]
    public async Task CliAsk_StoreHeldByAHostWithoutAdminRoutes_ExitsThreeWithTheMessage()
    {
        var before = Fingerprint();
        using var output = new StringWriter();
        using var errors = new StringWriter();

        var code = await CliApp.RunAsync(["ask", "/oncall", $"--Store:Path={_host.StorePath}"], output, errors);

        Assert.Equal(CliApp.StoreUnavailableExitCode, code);
        Assert.Equal(InUse + "\n", errors.ToString());
        Assert.Equal("", output.ToString());
        Assert.Equal(before, Fingerprint());
    }

    /// <summary>Hashes of the data file and of its log, so any write shows.</summary>
    private string Fingerprint()
    {
        var directory = Path.GetDirectoryName(_host.StorePath)!;
        var files = Directory.GetFiles(directory, "oncall*.db").Order(StringComparer.Ordinal);
        return string.Join(";", files.Select(f => $"{Path.GetFileName(f)}={Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(f)))}"));
    }

    public void Dispose() => _host.Dispose();
}
