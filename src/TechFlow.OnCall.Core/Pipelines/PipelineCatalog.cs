using System.Text;
using TechFlow.OnCall.Core.Storage;

namespace TechFlow.OnCall.Core.Pipelines;

/// <summary>
/// The team's pipelines, cached in memory, and the matcher that turns what a person typed into one of them.
/// </summary>
/// <remarks>
/// Thread-safe. The cache is dropped after every committed unit of work that touches pipelines (from this process or,
/// on PostgreSQL, another replica), so no answer outlives a change; <see cref="Invalidate"/> drops it by hand.
/// </remarks>
public sealed class PipelineCatalog
{
    private const double SuggestionThreshold = 0.55;
    private static readonly HashSet<string> NoiseWords = ["the", "pipeline", "pipelines", "for", "of", "on", "dashboard's"];
    private readonly IOnCallStore _store;
    private volatile Snapshot? _snapshot;

    public PipelineCatalog(IOnCallStore store)
    {
        _store = store;
        store.Committed += commit =>
        {
            if (commit.Touches<Pipeline>())
            {
                _snapshot = null;
            }
        };
    }

    public IReadOnlyList<Pipeline> All => Load().Pipelines;

    public Pipeline? Get(string id) => Load().Pipelines.FirstOrDefault(p => p.Id == id);

    public void Invalidate() => _snapshot = null;

    /// <summary>
    /// Matches the longest leading run of words in <paramref name="text"/> to a pipeline name or alias.
    /// </summary>
    public PipelineMatch Match(string text)
    {
        var snapshot = Load();
        var words = Normalize(text).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var original = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0)
        {
            return new PipelineMatch.NotFound(text, []);
        }

        for (var n = words.Length; n >= 1; n--)
        {
            var phrase = string.Join(' ', words.Take(n).Where(w => !NoiseWords.Contains(w)));
            if (phrase.Length == 0)
            {
                continue;
            }

            if (snapshot.Exact.TryGetValue(phrase, out var exact))
            {
                return new PipelineMatch.Found(exact, RestAfter(original, n));
            }

            var phraseWords = phrase.Split(' ');
            var containing = snapshot.Pipelines
                .Where(p => snapshot.Keys[p.Id].Any(k => phraseWords.All(w => k.Split(' ').Contains(w))))
                .ToList();
            if (containing.Count == 1)
            {
                return new PipelineMatch.Found(containing[0], RestAfter(original, n));
            }

            if (containing.Count > 1 && n == words.Length)
            {
                return new PipelineMatch.Ambiguous(text.Trim(), containing);
            }
        }

        return new PipelineMatch.NotFound(text.Trim(), Suggest(snapshot, words));
    }

    private static List<Pipeline> Suggest(Snapshot snapshot, string[] words)
    {
        var scored = new List<(Pipeline Pipeline, double Score)>();
        foreach (var pipeline in snapshot.Pipelines)
        {
            var best = 0.0;
            foreach (var key in snapshot.Keys[pipeline.Id])
            {
                var keyWordCount = key.Split(' ').Length;
                for (var n = 1; n <= words.Length; n++)
                {
                    var phrase = string.Join(' ', words.Take(n));
                    var score = TextSimilarity.Similarity(phrase, key);
                    if (Math.Abs(n - keyWordCount) <= 1)
                    {
                        best = Math.Max(best, score);
                    }
                }
            }

            if (best >= SuggestionThreshold)
            {
                scored.Add((pipeline, best));
            }
        }

        var top = scored.Count == 0 ? 0 : scored.Max(s => s.Score);
        return [.. scored.Where(s => s.Score >= top - 0.08).OrderByDescending(s => s.Score).Select(s => s.Pipeline).Take(3)];
    }

    /// <summary>
    /// The original words after the first <paramref name="n"/> normalised words. One original word can normalise to
    /// several ("unit-level" → "unit level"), so words are counted through <see cref="Normalize"/>.
    /// </summary>
    private static string RestAfter(string[] original, int n)
    {
        var consumed = 0;
        var skip = 0;
        while (skip < original.Length && consumed < n)
        {
            consumed += Normalize(original[skip]).Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
            skip++;
        }

        return string.Join(' ', original.Skip(skip));
    }

    /// <summary>Lower case, "&amp;" as "and", hyphens as spaces, other punctuation dropped.</summary>
    public static string Normalize(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var c in text.ToLowerInvariant())
        {
            if (char.IsLetterOrDigit(c))
            {
                sb.Append(c);
            }
            else if (c == '&')
            {
                sb.Append(" and ");
            }
            else if (c is ' ' or '-' or '_' or '/' or '\t')
            {
                sb.Append(' ');
            }
        }

        return string.Join(' ', sb.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }

    private Snapshot Load()
    {
        var snapshot = _snapshot;
        if (snapshot is not null)
        {
            return snapshot;
        }

        var pipelines = _store.Set<Pipeline>().All().OrderBy(p => p.Name, StringComparer.Ordinal).ToList();
        var keys = new Dictionary<string, List<string>>();
        var exact = new Dictionary<string, Pipeline>();
        var clashes = new HashSet<string>();
        foreach (var pipeline in pipelines)
        {
            var list = new List<string>();
            foreach (var raw in pipeline.Aliases.Prepend(pipeline.Name).Prepend(pipeline.Id))
            {
                var key = string.Join(' ', Normalize(raw).Split(' ').Where(w => !NoiseWords.Contains(w)));
                if (key.Length == 0 || list.Contains(key))
                {
                    continue;
                }

                list.Add(key);
                if (!exact.TryAdd(key, pipeline) && exact[key].Id != pipeline.Id)
                {
                    clashes.Add(key);
                }
            }

            keys[pipeline.Id] = list;
        }

        foreach (var clash in clashes)
        {
            exact.Remove(clash);
        }

        snapshot = new Snapshot(pipelines, keys, exact);
        _snapshot = snapshot;
        return snapshot;
    }

    private sealed record Snapshot(
        IReadOnlyList<Pipeline> Pipelines,
        IReadOnlyDictionary<string, List<string>> Keys,
        IReadOnlyDictionary<string, Pipeline> Exact);
}
