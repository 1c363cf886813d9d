using TechFlow.OnCallBot.Runbooks;

namespace TechFlow.OnCallBot.Tests.Runbooks;

public sealed class RunbookFolderLocationTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "oncall-runbook-folder-" + Guid.NewGuid().ToString("N"));

    public RunbookFolderLocationTests() => Directory.CreateDirectory(_root);

    private string Checkout => Path.Combine(_root, "checkout");
    private string ContentRoot => Path.Combine(Checkout, "src", "TechFlow.OnCallBot");
    private string AppFolder => Path.Combine(ContentRoot, "bin", "Debug", "net10.0");

    [Fact]
    public void Resolve_RunFromACheckout_IsTheCheckoutsFolderNotTheBuildCopy()
    {
        MakeCheckout(withRunbooks: true);

        var folder = RunbookFolderLocation.Resolve("runbooks", ContentRoot, AppFolder);

        Assert.Equal(Path.Combine(Checkout, "runbooks"), folder);
    }

    [Fact]
    public void Resolve_CheckoutWithoutThatFolder_IsTheAppFolders()
    {
        MakeCheckout(withRunbooks: false);

        Assert.Equal(Path.Combine(AppFolder, "runbooks"), RunbookFolderLocation.Resolve("runbooks", ContentRoot, AppFolder));
    }

    [Fact]
    public void Resolve_NotInACheckout_IsTheAppFolders()
    {
        var published = Path.Combine(_root, "published");
        Directory.CreateDirectory(Path.Combine(published, "runbooks"));

        Assert.Equal(Path.Combine(published, "runbooks"), RunbookFolderLocation.Resolve("runbooks", published, published));
    }

    [Fact]
    public void Resolve_AbsolutePath_IsKept()
    {
        MakeCheckout(withRunbooks: true);
        var elsewhere = Path.Combine(_root, "elsewhere");

        Assert.Equal(elsewhere, RunbookFolderLocation.Resolve(elsewhere, ContentRoot, AppFolder));
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private void MakeCheckout(bool withRunbooks)
    {
        Directory.CreateDirectory(AppFolder);
        Directory.CreateDirectory(Path.Combine(AppFolder, "runbooks"));
        File.WriteAllText(Path.Combine(Checkout, RunbookFolderLocation.CheckoutMarker), "");
        if (withRunbooks)
        {
            Directory.CreateDirectory(Path.Combine(Checkout, "runbooks"));
        }
    }
}
