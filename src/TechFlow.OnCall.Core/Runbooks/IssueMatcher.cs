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

    /// <summary>The best issue for <paramref name="text"/>, or null when none scores at least <see cref="Threshold"/>.</summary>
    public static IssueMatch? Best(Runbook runbook, string text) =>
        Rank(runbook, text).FirstOrDefault(m => m.Score >= Threshold);

    /// <summary>Every issue with its score, best first (ties keep the file's order).</summary>
    public static IReadOnlyList<IssueMatch> Rank(Runbook runbook, string text)
    {
        var query = SymptomWords.Of(text);
        if (query.Count == 0 || runbook.Issues.Count == 0)
        {
            return [];
        }

        var documents = runbook.Issues.Select(Document).ToList();
        var n = documents.Count;
        return [.. runbook.Issues
            .Select((issue, i) => (Match: new IssueMatch(runbook, issue, Score(query, documents[i], documents, n)), Order: i))
            .OrderByDescending(x => x.Match.Score)
            .ThenBy(x => x.Order)
            .Select(x => x.Match)];
    }

    private static double Score(IReadOnlyList<string> query, IssueDocument doc, List<IssueDocument> all, int n)
    {
        var score = 0.0;
        foreach (var word in query)
        {
            var weight = doc.Weights.GetValueOrDefault(word);
            var df = all.Count(d => d.Weights.ContainsKey(word));
            if (weight == 0 && word.Length >= 4)
            {
                (weight, df) = Fuzzy(word, doc, all);
            }

            if (weight > 0)
            {
                score += weight * Math.Log(1.0 + (double)n / Math.Max(1, df));
            }
        }

        foreach (var phrase in doc.Phrases)
        {
            if (phrase.Count > 1 && phrase.All(query.Contains))
            {
                score += PhraseBonus;
            }
        }

        return score;
    }

    private static (double Weight, int Df) Fuzzy(string word, IssueDocument doc, List<IssueDocument> all)
    {
        var best = (Word: "", Similarity: 0.0);
        foreach (var candidate in doc.Weights.Keys.Where(k => k.Length >= 4))
        {
            var similarity = TextSimilarity.Similarity(word, candidate);
            if (similarity >= FuzzyFloor && similarity > best.Similarity)
            {
                best = (candidate, similarity);
            }
        }

        return best.Similarity == 0
            ? (0, 1)
            : (doc.Weights[best.Word] * 0.6 * best.Similarity, all.Count(d => d.Weights.ContainsKey(best.Word)));
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
