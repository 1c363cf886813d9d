using Microsoft.Extensions.DependencyInjection;
using TechFlow.OnCall.Core.Runbooks;
using TechFlow.OnCall.Testing;
using TechFlow.OnCallBot.Runbooks;

namespace TechFlow.OnCallBot.Tests.Runbooks;

public sealed class RunbookReloadFolderTests
{
    [Fact]
    public async Task Host_RunFromTheCheckout_ReloadReadsTheRepositorysRunbooksNotTheBuildCopy()
    {
        await using var app = new OnCallApp(new DateTimeOffset(2026, 11, 23, 15, 0, 0, TimeSpan.Zero));

        var folder = app.Services.GetRequiredService<RunbookService>().Folder;

        var checkout = RepositoryRoot();
        Assert.Equal(Path.Combine(checkout, "runbooks"), folder);
        Assert.DoesNotContain(Path.Combine("bin", ""), folder, StringComparison.Ordinal);
    }

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(dir!.FullName, RunbookFolderLocation.CheckoutMarker)))
        {
            dir = dir.Parent;
        }

        return dir.FullName;
    }
}
