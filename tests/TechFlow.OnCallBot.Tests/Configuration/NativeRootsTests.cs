using System.Runtime.CompilerServices;
using System.Xml.Linq;
using TechFlow.OnCallBot.Providers;

namespace TechFlow.OnCallBot.Tests.Configuration;

/// <summary>
/// The native build keeps the host's namespaces whole through src/TechFlow.OnCallBot/NativeRoots.xml, so reflection
/// (configuration binding, System.Text.Json, Quartz) sees the same types as under the JIT. A namespace added to the
/// host and not listed there would lose members in the native build only; this test names it.
/// </summary>
public sealed class NativeRootsTests
{
    private const string Dropped = "TechFlow.OnCallBot.Providers";

    private static string RootsFile()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "src", "TechFlow.OnCallBot", "NativeRoots.xml");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException("src/TechFlow.OnCallBot/NativeRoots.xml not found above " + AppContext.BaseDirectory);
    }

    [Fact]
    public void NativeRoots_EveryHostNamespaceButTheProviders_IsKeptWhole()
    {
        var listed = XDocument.Load(RootsFile()).Descendants("namespace").Select(n => (string)n.Attribute("fullname")!).ToHashSet();
        var host = typeof(PostgresStoreProvider).Assembly.GetTypes()
            .Where(t => t.Namespace is not null && !t.IsDefined(typeof(CompilerGeneratedAttribute), inherit: false))
            .Select(t => t.Namespace!)
            .Where(n => n.StartsWith("TechFlow.OnCallBot", StringComparison.Ordinal))
            .ToHashSet();

        Assert.Empty(host.Except(listed).Except([Dropped]));
        Assert.Empty(listed.Except(host));
        Assert.DoesNotContain(Dropped, listed);
    }

    [Fact]
    public void Providers_HoldOnlyTheCodeTheNativeBuildDrops()
    {
        var providers = typeof(PostgresStoreProvider).Assembly.GetTypes()
            .Where(t => t.Namespace == Dropped && !t.IsDefined(typeof(CompilerGeneratedAttribute), inherit: false) && !t.IsNested)
            .Select(t => t.Name);

        Assert.Equal(["PostgresStoreProvider"], providers);
    }
}
