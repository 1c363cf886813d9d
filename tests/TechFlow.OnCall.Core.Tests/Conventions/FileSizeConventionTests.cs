namespace TechFlow.OnCall.Core.Tests.Conventions;

/// <summary>A source file that grows past a screenful or three holds more than one responsibility: split it.</summary>
public class FileSizeConventionTests
{
    private const int MaxLines = 300;

    [Fact]
    public void SourceFiles_StayUnderThreeHundredLines()
    {
        var src = Path.Combine(WallClockConventionTests.RepoRoot(), "src");
        var files = Directory.EnumerateFiles(src, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .ToList();

        var large = files
            .Select(f => (File: Path.GetRelativePath(src, f), Lines: File.ReadLines(f).Count()))
            .Where(f => f.Lines > MaxLines)
            .Select(f => $"{f.File}: {f.Lines} lines")
            .ToList();

        Assert.NotEmpty(files);
        Assert.True(large.Count == 0, $"Split these by responsibility (at most {MaxLines} lines each):\n" + string.Join('\n', large));
    }
}
