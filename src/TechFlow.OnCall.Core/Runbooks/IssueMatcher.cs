using TechFlow.OnCall.Core.Pipelines;

namespace TechFlow.OnCall.Core.Runbooks;

/// <summary>
/// Scores a runbook's issues against symptom text: matching words weigh by where they occur in the issue
/// (keywords and title most, causes least) and by how rare they are among the runbook's issues; near-miss
/// spellings count for less; a keyword phrase found whole earns a bonus.
/// </summary>
public static class IssueMatcher
{
    /// <summary>Below this score nothing is a confident match.</summary>
    public const double Threshold = 1.2;

    private const double KeywordWeight = 3.0;
    private const double TitleWeight = 2.5;
    private const double SymptomWeight = 1.5;
    private const double CauseWeight = 1.0;
    private const double StepWeight = 0.3;
    private const double PhraseBonus = 2.0;
    private const double FuzzyFloor = 0.8;
    private const double FuzzyFactor = 0.6;

    /// <summary>The best issue for <paramref name="text"/>, or null when none scores at least <see cref="Threshold"/>.</summary>
    public static IssueMatch? Best(Runbook runbook, string text) =>
        Rank(runbook, text).FirstOrDefault(m => m.Score >= Threshold);

    /// <summary>Every issue with its score, best first (ties keep the file's order).</summary>
    public static IReadOnlyList<IssueMatch> Rank(Runbook runbook, string text)
    {
        var words = SymptomWords.Of(text);
        if (words.Count == 0 || runbook.Issues.Count == 0)
        {
            return [];
        }

        var documents = runbook.Issues.Select(Document).ToList();
        var df = documents.SelectMany(d => d.Weights.Keys).CountBy(w => w).ToDictionary(StringComparer.Ordinal);
        var query = Resolve(words, df);
        var n = documents.Count;
        return [.. runbook.Issues
            .Select((issue, i) => (Match: new IssueMatch(runbook, issue, Score(query, documents[i], df, n)), Order: i))
            .OrderByDescending(x => x.Match.Score)
            .ThenBy(x => x.Order)
            .Select(x => x.Match)];
    }

    /// <summary>Each query word as a word of the runbook's vocabulary, with a factor below 1 for a near-miss spelling.</summary>
    private static List<(string Word, double Factor)> Resolve(IReadOnlyList<string> words, Dictionary<string, int> vocabulary)
    {
        var resolved = new List<(string, double)>();
        foreach (var word in words)
        {
            if (vocabulary.ContainsKey(word))
            {
                resolved.Add((word, 1.0));
                continue;
            }

            if (word.Length < 4)
            {
                continue;
            }

            var best = vocabulary.Keys
                .Where(k => k.Length >= 4)
                .Select(k => (Word: k, Similarity: TextSimilarity.Similarity(word, k)))
                .Where(x => x.Similarity >= FuzzyFloor)
                .OrderByDescending(x => x.Similarity)
                .FirstOrDefault();
            if (best.Word is not null)
            {
                resolved.Add((best.Word, FuzzyFactor * best.Similarity));
            }
        }

        return resolved;
    }

    private static double Score(List<(string Word, double Factor)> query, IssueDocument doc, Dictionary<string, int> df, int n)
    {
        var score = 0.0;
        foreach (var (word, factor) in query)
        {
            if (doc.Weights.TryGetValue(word, out var weight))
            {
                score += factor * weight * Math.Log(1.0 + (double)n / df[word]);
            }
        }

        foreach (var phrase in doc.Phrases)
        {
            if (phrase.Count > 1 && phrase.All(p => query.Exists(q => q.Word == p)))
            {
                score += PhraseBonus;
            }
        }

        return score;
    }

    private static IssueDocument Document(RunbookIssue issue)
    {
        var weights = new Dictionary<string, double>(StringComparer.Ordinal);
        void Add(string text, double weight)
        {
            foreach (var word in SymptomWords.Of(text))
            {
                weights[word] = Math.Max(weights.GetValueOrDefault(word), weight);
            }
        }

        foreach (var step in issue.Steps)
        {
            Add(step, StepWeight);
        }

        foreach (var cause in issue.Causes)
        {
            Add(cause, CauseWeight);
        }

        Add(issue.Symptom, SymptomWeight);
        Add(issue.Title, TitleWeight);
        Add(issue.Id, TitleWeight);
        foreach (var keyword in issue.Keywords)
        {
            Add(keyword, KeywordWeight);
        }

        return new IssueDocument(weights, [.. issue.Keywords.Select(SymptomWords.Of)]);
    }

    private sealed record IssueDocument(Dictionary<string, double> Weights, IReadOnlyList<IReadOnlyList<string>> Phrases);
}
