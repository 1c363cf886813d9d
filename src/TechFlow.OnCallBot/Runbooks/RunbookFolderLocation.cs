namespace TechFlow.OnCallBot.Runbooks;

/// <summary>
/// Where a relative <c>Runbooks:Path</c> points. Run from a checkout, it is the repository's own folder, the one
/// people edit, so <c>/oncall runbook reload</c> picks up their edits; anywhere else it is the copy beside the app.
/// </summary>
public static class RunbookFolderLocation
{
    /// <summary>The file that marks the root of a checkout of this repository.</summary>
    public const string CheckoutMarker = "TechFlow.OnCallBot.sln";

    /// <summary>
    /// An absolute <paramref name="configured"/> path as it is; a relative one under the checkout that holds
    /// <paramref name="contentRoot"/> when there is one and the folder exists there, else under <paramref name="appFolder"/>.
    /// </summary>
    public static string Resolve(string configured, string contentRoot, string appFolder)
    {
        if (Path.IsPathRooted(configured))
        {
            return Path.GetFullPath(configured);
        }

        for (var dir = new DirectoryInfo(Path.GetFullPath(contentRoot)); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, CheckoutMarker)))
            {
                var inCheckout = Path.GetFullPath(Path.Combine(dir.FullName, configured));
                if (Directory.Exists(inCheckout))
                {
                    return inCheckout;
                }

                break;
            }
        }

        return Path.GetFullPath(Path.Combine(appFolder, configured));
    }
}
