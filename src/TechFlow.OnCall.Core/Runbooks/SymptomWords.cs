using TechFlow.OnCall.Core.Pipelines;

namespace TechFlow.OnCall.Core.Runbooks;

/// <summary>
/// Turns symptom text into comparable words: lower case, common phrases folded ("out of memory" → oom),
/// filler dropped, a light stem, and synonyms mapped to one word ("delayed", "behind", "lagging" → late).
/// </summary>
internal static class SymptomWords
{
    private static readonly (string Phrase, string Word)[] Phrases =
    [
        ("out of memory", "oom"), ("ran out of memory", "oom"), ("runs out of memory", "oom"),
        ("do not match", "mismatch"), ("dont match", "mismatch"), ("doesnt match", "mismatch"),
        ("does not match", "mismatch"), ("not matching", "mismatch"), ("dont add up", "mismatch"),
        ("doesnt add up", "mismatch"), ("dont line up", "mismatch"), ("dont agree", "mismatch"),
        ("divide by zero", "divzero"), ("division by zero", "divzero"), ("divided by zero", "divzero"),
        ("not a number", "nan"), ("permission denied", "credential"), ("access denied", "credential"),
        ("no data", "empty"), ("not arriving", "late"), ("not loaded", "late"), ("not ready", "late"),
        ("exchange rate", "currency"), ("fx rate", "currency"), ("time zone", "timezone"),
        ("a b", "abtest"), ("ab test", "abtest"), ("feature flag", "flag"),
    ];

    private static readonly string[][] Synonyms =
    [
        ["oom", "memory", "ram", "heap", "outofmemory", "oomkilled", "spill", "gc"],
        ["late", "delay", "lag", "lagging", "behind", "slow", "tardy", "waiting", "overdue", "backlog"],
        ["outage", "down", "offline", "unavailable", "unreachable", "dead", "crash", "unhealthy"],
        ["mismatch", "discrepancy", "differ", "different", "difference", "disagree", "wrong", "incorrect", "inconsistent", "reconcile", "reconciliation", "match"],
        ["billing", "invoice", "bill", "billed"],
        ["duplicate", "dupe", "dup", "double", "doubled", "twice", "repeated", "dedup", "deduplication"],
        ["bot", "crawler", "spider", "scraper", "synthetic", "robot"],
        ["credential", "password", "secret", "token", "auth", "authentication", "expired", "expire", "permission", "unauthorized", "forbidden", "401", "403", "login", "key"],
        ["schema", "column", "drift", "renamed", "rename"],
        ["pii", "personal", "email", "gdpr", "privacy", "anonymize", "anonymise", "sensitive", "ssn"],
        ["null", "na", "nan", "divzero", "infinity", "inf", "blank"],
        ["stale", "old", "outdated", "yesterday", "fresh", "freshness"],
        ["currency", "fx", "conversion", "convert", "eur", "gbp"],
        ["kafka", "broker", "topic", "consumer", "partition", "offset"],
        ["spark", "executor", "shuffle"],
        ["metric", "number", "figure", "total", "kpi", "value"],
        ["cost", "expense", "spend", "allocation", "allocate", "department"],
        ["salary", "payroll", "hr"],
        ["spike", "jump", "surge", "inflated", "inflation", "high", "huge"],
        ["drop", "dip", "fall", "low", "decline", "plunge"],
        ["timeout", "hang", "hung", "stuck", "timed"],
        ["missing", "gap", "gaps", "hole", "lost", "loss", "incomplete", "absent"],
        ["empty", "zero", "blank"],
        ["mobile", "app", "ios", "android"],
        ["cohort", "signup"],
        ["attribution", "channel", "utm", "marketing"],
        ["license", "licence", "seat"],
        ["session", "sessionization"],
        ["experiment", "abtest", "variant", "flag", "contamination"],
        ["scheduler", "airflow", "dag", "orchestration", "trigger", "triggered"],
        ["disk", "storage", "space", "quota"],
        ["warehouse", "redshift", "bigquery", "postgres"],
        ["api", "ratelimit", "throttle", "throttled", "429"],
    ];

    private static readonly HashSet<string> Filler =
    [
        "the", "a", "an", "is", "are", "was", "were", "be", "been", "being", "of", "in", "on", "for", "to", "from", "with",
        "and", "or", "it", "its", "this", "that", "these", "my", "our", "we", "i", "me", "you", "how", "do", "does", "did",
        "what", "why", "when", "fix", "help", "there", "has", "have", "had", "get", "got", "getting", "keep", "keeps",
        "again", "pipeline", "runbook", "issue", "problem", "error", "errors", "job", "run", "running", "fail", "failing",
        "failed", "fails", "failure", "all", "any", "some", "up", "out", "today", "tonight", "now", "still", "very", "so",
        "just", "seem", "seems", "look", "looks", "like", "can", "cant", "should", "please", "about", "at", "by", "as",
        "into", "after", "before", "than", "then", "too", "much", "many", "lot", "lots", "what's", "whats", "im", "us",
        "system", "happening", "happened", "showing", "shows", "s", "t",
        "dont", "doesnt", "didnt", "isnt", "arent", "wont", "not", "no", "keeps", "anymore", "it's", "coming", "came",
    ];

    private static readonly Dictionary<string, string> Canonical = BuildCanonical();

    /// <summary>The distinct comparable words of <paramref name="text"/>, in order.</summary>
    public static IReadOnlyList<string> Of(string text)
    {
        var normalized = " " + PipelineCatalog.Normalize(text) + " ";
        foreach (var (phrase, word) in Phrases)
        {
            normalized = normalized.Replace(" " + phrase + " ", " " + word + " ", StringComparison.Ordinal);
        }

        var words = new List<string>();
        foreach (var raw in normalized.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (Filler.Contains(raw))
            {
                continue;
            }

            var stem = Stem(raw);
            var word = Canonical.GetValueOrDefault(stem, stem);
            if (!words.Contains(word))
            {
                words.Add(word);
            }
        }

        return words;
    }

    /// <summary>A deliberately light stem: plural s, -ing, -ed, and a final e.</summary>
    internal static string Stem(string word)
    {
        var w = word;
        if (w.Length > 5 && w.EndsWith("ing", StringComparison.Ordinal))
        {
            w = w[..^3];
        }
        else if (w.Length > 4 && w.EndsWith("ed", StringComparison.Ordinal))
        {
            w = w[..^2];
        }
        else if (w.Length > 3 && w.EndsWith('s') && !w.EndsWith("ss", StringComparison.Ordinal) && !w.EndsWith("us", StringComparison.Ordinal) && !w.EndsWith("is", StringComparison.Ordinal))
        {
            w = w[..^1];
        }

        return w.Length > 4 && w.EndsWith('e') ? w[..^1] : w;
    }

    private static Dictionary<string, string> BuildCanonical()
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var group in Synonyms)
        {
            var head = Stem(group[0]);
            foreach (var word in group)
            {
                map.TryAdd(Stem(word), head);
            }
        }

        return map;
    }
}
