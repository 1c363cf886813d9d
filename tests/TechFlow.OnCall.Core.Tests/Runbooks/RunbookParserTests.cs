using TechFlow.OnCall.Core.Runbooks;

namespace TechFlow.OnCall.Core.Tests.Runbooks;

public class RunbookParserTests
{
    private const string Valid = """
        # Demo runbook
        Pipeline: demo
        Name: Demo
        Schedule: Daily at 01:00
        Criticality: High
        Owners: alex-chen, sarah-johnson
        Upstream: none
        Ready-By: 06:00
        Freshness: under 24 hours
        Resolution: 4 hours
        Last-Reviewed: 2026-11-02

        ## Monitoring
        - Finished by 06:00.

        ## Issue: Spark runs out of memory
        Id: spark-oom
        Symptom: The join fails.
        Causes: skew; small executors
        Keywords: spark oom, out of memory
        Steps:
        1. Find the skewed key
           in the Spark UI.
        2. Rerun.
        Escalate: Infrastructure team
        """;

    [Fact]
    public void Parse_ValidFile_ReadsEveryPart()
    {
        var result = RunbookParser.Parse("demo.md", Valid);

        Assert.True(result.Succeeded, string.Join(Environment.NewLine, result.Problems));
        var runbook = result.Runbook!;
        Assert.Equal("demo", runbook.Id);
        Assert.Equal(new[] { "alex-chen", "sarah-johnson" }, runbook.Owners);
        Assert.Empty(runbook.Upstream);
        Assert.Equal(new DateOnly(2026, 11, 2), runbook.LastReviewed);
        Assert.Equal("demo.md", runbook.SourceFile);
        var issue = Assert.Single(runbook.Issues);
        Assert.Equal(new[] { "Find the skewed key in the Spark UI.", "Rerun." }, issue.Steps);
        Assert.Equal(new[] { "skew", "small executors" }, issue.Causes);
        Assert.Equal("Infrastructure team", issue.EscalateTo);
        Assert.Equal(new[] { "Finished by 06:00." }, runbook.Monitoring);
    }

    [Theory]
    [InlineData("2. Rerun.", "3. Rerun.", 24, "step 3 is out of order (expected step 2)")]
    [InlineData("Criticality: High", "Criticality: Severe", 5, "criticality 'Severe' must be one of")]
    [InlineData("Last-Reviewed: 2026-11-02", "Last-Reviewed: 02/11/2026", 11, "must be a date written yyyy-MM-dd")]
    [InlineData("Pipeline: demo", "Pipeline: other", 2, "does not match the file name")]
    [InlineData("Freshness: under 24 hours", "Freshnes: under 24 hours", 9, "unknown header 'Freshnes'")]
    [InlineData("Escalate: Infrastructure team", "", 16, "is missing Escalate")]
    [InlineData("## Monitoring", "## Alerts", 13, "unknown section '## Alerts'")]
    [InlineData("Id: spark-oom", "Id: Spark OOM", 17, "issue id 'Spark OOM' must be lower-case")]
    [InlineData("Symptom: The join fails.", "Sympton: The join fails.", 18, "unknown field 'sympton'")]
    [InlineData("- Finished by 06:00.", "Finished by 06:00.", 14, "expected a bullet line")]
    [InlineData("Resolution: 4 hours", "", 13, "missing header line 'Resolution: …'")]
    public void Parse_MalformedLine_ReportsFileAndLine(string find, string replace, int line, string problem)
    {
        var text = Valid.Replace(find, replace, StringComparison.Ordinal);

        var result = RunbookParser.Parse("demo.md", text);

        Assert.Null(result.Runbook);
        Assert.Contains(result.Problems, p => p.File == "demo.md" && p.Line == line && p.Problem.Contains(problem, StringComparison.Ordinal));
        Assert.Contains($"demo.md:{line}: ", string.Join("\n", result.Problems), StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_DuplicateIssueId_ReportsTheSecond()
    {
        var text = Valid + "\n\n## Issue: Again\nId: spark-oom\nSymptom: s\nCauses: c\n1. do\nEscalate: e\n";

        var result = RunbookParser.Parse("demo.md", text);

        Assert.Contains(result.Problems, p => p.Line == 28 && p.Problem.Contains("used twice", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_NoIssues_IsAProblem()
    {
        var text = Valid[..Valid.IndexOf("## Issue", StringComparison.Ordinal)];

        var result = RunbookParser.Parse("demo.md", text);

        Assert.Contains(result.Problems, p => p.Problem.Contains("at least one '## Issue", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_MultiLineCommentAndFencedNotes_AreIgnored()
    {
        var text = Valid.Replace("Upstream: none", "<!--\nreviewed by the team\non Monday\n-->\nUpstream: none", StringComparison.Ordinal)
            + "\n\n## Notes\n```sql\nSELECT 1;\n```\n";

        var result = RunbookParser.Parse("demo.md", text);

        Assert.True(result.Succeeded, string.Join(Environment.NewLine, result.Problems));
        Assert.Empty(result.Runbook!.Upstream);
    }

    [Fact]
    public void Parse_WindowsLineEnds_ReadLikeUnixOnes()
    {
        var result = RunbookParser.Parse("demo.md", Valid.Replace("\n", "\r\n", StringComparison.Ordinal));

        Assert.True(result.Succeeded, string.Join(Environment.NewLine, result.Problems));
        Assert.Equal(new[] { "Find the skewed key in the Spark UI.", "Rerun." }, Assert.Single(result.Runbook!.Issues).Steps);
    }

    [Theory]
    [InlineData("Escalate: Infrastructure team", "Escalate: Infrastructure team\n\n    after an hour", 27, "must directly continue")]
    [InlineData("Escalate: Infrastructure team", "Escalate: Infrastructure team\n\n```\ncode\n```", 27, "expected 'Field: value'")]
    [InlineData("- Finished by 06:00.", "1. Finished by 06:00.", 14, "expected a bullet line")]
    [InlineData("2. Rerun.", "- Rerun.", 24, "expected 'Field: value'")]
    public void Parse_MarkdownTheFormatHasNoPlaceFor_NamesTheLine(string valid, string broken, int line, string problem)
    {
        var result = RunbookParser.Parse("demo.md", Valid.Replace(valid, broken, StringComparison.Ordinal));

        Assert.Null(result.Runbook);
        Assert.Contains(result.Problems, p => p.Line == line && p.Problem.Contains(problem, StringComparison.Ordinal));
    }
}
