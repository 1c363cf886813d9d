using System.Text.RegularExpressions;

namespace TechFlow.OnCall.Core.Tests.Conventions;

/// <summary>Time comes only from an injected TimeProvider, so every answer can be tested on a fake clock.</summary>
public partial class WallClockConventionTests
{
    [Fact]
    public void SourceFiles_NeverReadTheWallClockDirectly()
    {
        var src = Path.Combine(RepoRoot(), "src");
        var files = Directory.EnumerateFiles(src, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .ToList();

        var offenders = files
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (File: f, Line: i + 1, Text: line)))
            .Where(l => WallClock().IsMatch(l.Text))
            .Select(l => $"{Path.GetRelativePath(src, l.File)}:{l.Line}: {l.Text.Trim()}")
            .ToList();

        Assert.NotEmpty(files);
        Assert.True(offenders.Count == 0, "Use the injected TimeProvider instead:\n" + string.Join('\n', offenders));
    }

    [Theory]
    [InlineData("var t = DateTime.Now;", true)]
    [InlineData("var t = DateTime.UtcNow;", true)]
    [InlineData("var t = System.DateTimeOffset.Now;", true)]
    [InlineData("var t = DateTimeOffset.UtcNow.AddDays(1);", true)]
    [InlineData("var t = DateTime .UtcNow;", true)]
    [InlineData("var t = time.GetUtcNow();", false)]
    [InlineData("var t = DateTimeOffset.UtcNowish;", false)]
    public void WallClock_Pattern_MatchesOnlyDirectReads(string line, bool expected)
    {
        Assert.Equal(expected, WallClock().IsMatch(line));
    }

    internal static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "TechFlow.OnCallBot.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("TechFlow.OnCallBot.sln not found above " + AppContext.BaseDirectory);
    }

    [GeneratedRegex(@"\bDateTime(?:Offset)?\s*\.\s*(?:Now|UtcNow)\b")]
    private static partial Regex WallClock();
}
