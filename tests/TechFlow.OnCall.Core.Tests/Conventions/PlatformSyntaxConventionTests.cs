using System.Text.RegularExpressions;

namespace TechFlow.OnCall.Core.Tests.Conventions;

/// <summary>
/// The core speaks no platform: Slack and Teams markup, each front end's way of starting a command, and checks on
/// which front end is asking all stay in the adapters. The roster may still store each platform's user id (data,
/// like an email address); what is kept out is syntax and branching on the platform's name.
/// </summary>
public partial class PlatformSyntaxConventionTests
{
    [Fact]
    public void CoreSources_HoldNoPlatformSyntax()
    {
        var core = Path.Combine(WallClockConventionTests.RepoRoot(), "src", "TechFlow.OnCall.Core");
        var files = Directory.EnumerateFiles(core, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .ToList();

        var offenders = files
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (File: f, Line: i + 1, Text: line)))
            .Where(l => PlatformSyntax().IsMatch(l.Text))
            .Select(l => $"{Path.GetRelativePath(core, l.File)}:{l.Line}: {l.Text.Trim()}")
            .ToList();

        Assert.NotEmpty(files);
        Assert.True(offenders.Count == 0,
            "Platform syntax belongs in the adapters (translate it before the core, render it after):\n" + string.Join('\n', offenders));
    }

    [Theory]
    [InlineData("return $\"<@{engineer.Id}>\";", true)]
    [InlineData("if (t.StartsWith(\"<@\", StringComparison.Ordinal))", true)]
    [InlineData("[GeneratedRegex(\"(?<who><@[^>]+>|@\\\\S+)$\")]", true)]
    [InlineData("var everyone = \"<!here>\";", true)]
    [InlineData("text.Replace(\"<at>\", \"\")", true)]
    [InlineData("var end = \"</AT>\";", true)]
    [InlineData("Reply.Error(\"Try: /oncall swap next\")", true)]
    [InlineData("/// <summary><c>/oncall help</c>: every command.</summary>", true)]
    [InlineData("[GeneratedRegex(@\"^(?:/?oncall|@oncall)\\s+\")]", true)]
    [InlineData("var prefix = \"@OnCall\";", true)]
    [InlineData("var prefix = \"@On-call\";", true)]
    [InlineData("if (input.Platform == \"slack\")", true)]
    [InlineData("if (input.Platform is not (\"Teams\" or \"cli\"))", true)]
    [InlineData("var inline = kind == \"playground\";", true)]
    [InlineData("public string? SlackUserId { get; init; }", false)]
    [InlineData("[\"Name\", \"Slack\", \"Teams\", \"Status\"],", false)]
    [InlineData("b.Context($\"Linked Slack user {id} to {name}.\");", false)]
    [InlineData("var who = ReplyMarkup.Person(engineer.Id);", false)]
    [InlineData("Reply.Error(\"The on-call database is not answering.\")", false)]
    [InlineData("if (a <b && c > d)", false)]
    [InlineData("var teams = identity.StartsWith(\"teams:\", StringComparison.OrdinalIgnoreCase);", false)]
    public void PlatformSyntax_Pattern_MatchesMarkupPrefixesAndPlatformNames(string line, bool expected) =>
        Assert.Equal(expected, PlatformSyntax().IsMatch(line));

    /// <summary>
    /// Slack mention and link markup (<c>&lt;@U…&gt;</c>, <c>&lt;!here&gt;</c>, <c>&lt;#C…&gt;</c>), Teams' <c>&lt;at&gt;</c>,
    /// a command prefix (<c>/oncall</c>, <c>@OnCall</c>, <c>@On-call</c>), and a front end's lower-case name as a string to
    /// compare with (the capitalised names are ordinary words in a sentence or a column heading).
    /// </summary>
    [GeneratedRegex(@"<[@!#]|</?at>|[/@]on-?call\b|(?-i:""(?:slack|teams|cli|playground)"")", RegexOptions.IgnoreCase)]
    private static partial Regex PlatformSyntax();
}
