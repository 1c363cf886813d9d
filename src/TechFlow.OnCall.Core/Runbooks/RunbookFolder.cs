namespace TechFlow.OnCall.Core.Runbooks;

/// <summary>Reads every runbook file in a folder; any problem in any file fails the whole read.</summary>
public static class RunbookFolder
{
    /// <summary>Parses every <c>*.md</c> file in <paramref name="folder"/> except README.md, in name order.</summary>
    public static RunbookParseResults Read(string folder)
    {
        if (!Directory.Exists(folder))
        {
            return new RunbookParseResults([], [new RunbookProblem(folder, 0, "the runbooks folder does not exist (set Runbooks:Path)")]);
        }

        var files = Directory.GetFiles(folder, "*.md")
            .Where(f => !string.Equals(Path.GetFileName(f), "README.md", StringComparison.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal)
            .ToList();
        if (files.Count == 0)
        {
            return new RunbookParseResults([], [new RunbookProblem(folder, 0, "the runbooks folder has no .md files")]);
        }

        var runbooks = new List<Runbook>();
        var problems = new List<RunbookProblem>();
        foreach (var file in files)
        {
            var name = Path.GetFileName(file);
            string text;
            try
            {
                text = File.ReadAllText(file);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                problems.Add(new RunbookProblem(name, 0, $"could not be read: {ex.Message}"));
                continue;
            }

            var result = RunbookParser.Parse(name, text);
            problems.AddRange(result.Problems);
            if (result.Runbook is { } runbook)
            {
                runbooks.Add(runbook);
            }
        }

        return new RunbookParseResults(problems.Count == 0 ? runbooks : [], problems);
    }
}
