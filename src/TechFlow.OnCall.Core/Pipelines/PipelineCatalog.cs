using System.Text;
using TechFlow.OnCall.Core.Storage;

namespace TechFlow.OnCall.Core.Pipelines;

/// <summary>
/// The team's pipelines, cached in memory, and the matcher that turns what a person typed into one of them.
/// </summary>
/// <remarks>
/// Thread-safe. The cache is rebuilt after any committed unit of work that changed pipelines, here or on another
/// replica (<see cref="IOnCallStore.Committed"/>), and after <see cref="Invalidate"/>; where the store can miss
/// another replica's commit, it is also checked against the store's <see cref="IOnCallStore.CommitVersion"/>.
/// </remarks>
public sealed class PipelineCatalog
{
    private const double SuggestionThreshold = 0.55;
    private static readonly HashSet<string> NoiseWords = ["the", "pipeline", "pipelines", "for", "of", "on", "dashboard's"];
    private static readonly Type[] PipelineType = [typeof(Pipeline)];
    private readonly IOnCallStore _store;
    private volatile Snapshot? _snapshot;
    private int _version;

    public PipelineCatalog(IOnCallStore store)
    {
        _store = store;
        store.Committed += commit =>
        {
            if (commit.Touches<Pipeline>())
            {
                Invalidate();
            }
        };
    }

    public IReadOnlyList<Pipeline> All => Load().Pipelines;

    public Pipeline? Get(string id) => Load().Pipelines.FirstOrDefault(p => p.Id == id);

    public void Invalidate()
    {
        Interlocked.Increment(ref _version);
        _snapshot = null;
    }

    /// <summary>
    /// Matches the longest leading run of words in <paramref name="text"/> to a pipeline name or alias.
    /// </summary>
    /// <remarks>
    /// Linear in the length of <paramref name="text"/>: a leading run can only match while its distinct words are
    /// all words of some name or alias and no more than the longest one has, so the scan stops at the first word
    /// that rules every longer run out, and suggestions score only runs about as long as each name.
    /// </remarks>
    public PipelineMatch Match(string text)
    {
        var snapshot = Load();
        var words = Normalize(text).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var original = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0)
        {
            return new PipelineMatch.NotFound(text, []);
        }

        (Pipeline Pipeline, int Words)? found = null;
        List<Pipeline>? ambiguous = null;
        var distinct = new HashSet<string>(StringComparer.Ordinal);
        var kept = new List<string>();
        for (var n = 1; n <= words.Length; n++)
        {
            var word = words[n - 1];
            if (!NoiseWords.Contains(word))
            {
                if (!snapshot.Vocabulary.Contains(word))
                {
                    break;
                }

                kept.Add(word);
                distinct.Add(word);
                if (distinct.Count > snapshot.LongestKeyWords)
                {
                    break;
                }
            }

            if (kept.Count == 0)
            {
                continue;
            }

            if (kept.Count <= snapshot.LongestKeyWords && snapshot.Exact.TryGetValue(string.Join(' ', kept), out var exact))
            {
                found = (exact, n);
                continue;
            }

            var containing = snapshot.Pipelines.Where(p => snapshot.KeyWords[p.Id].Any(k => distinct.IsSubsetOf(k))).ToList();
            if (containing.Count == 1)
            {
                found = (containing[0], n);
            }
            else if (containing.Count > 1 && n == words.Length)
            {
                ambiguous = containing;
            }
        }

        return ambiguous is not null ? new PipelineMatch.Ambiguous(text.Trim(), ambiguous)
            : found is { } match ? new PipelineMatch.Found(match.Pipeline, RestAfter(original, match.Words))
            : new PipelineMatch.NotFound(text.Trim(), Suggest(snapshot, words));
    }

    private static List<Pipeline> Suggest(Snapshot snapshot, string[] words)
    {
        var scored = new List<(Pipeline Pipeline, double Score)>();
        foreach (var pipeline in snapshot.Pipelines)
        {
            var best = 0.0;
            foreach (var key in snapshot.Keys[pipeline.Id])
            {
                // Only runs within one word of the key's length count, so only those are scored.
                var keyWordCount = key.Split(' ').Length;
                for (var n = Math.Max(1, keyWordCount - 1); n <= Math.Min(words.Length, keyWordCount + 1); n++)
                {
                    best = Math.Max(best, TextSimilarity.Similarity(string.Join(' ', words.Take(n)), key));
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
        // On a store that may miss a commit (PostgreSQL replicas), the cache is also checked against the store's
        // committed version of the pipelines, so a change made on another replica while this one's listener was away
        // is never hidden.
        var check = !_store.SeesEveryCommit && !_store.InUnitOfWork;
        var storeVersion = check ? _store.CommitVersion(PipelineType) : null;
        var snapshot = _snapshot;
        if (snapshot is not null && (!check || snapshot.StoreVersion == storeVersion))
        {
            return snapshot;
        }

        var version = Volatile.Read(ref _version);
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

        var keyWords = keys.ToDictionary(k => k.Key, k => k.Value.Select(key => key.Split(' ').ToHashSet(StringComparer.Ordinal)).ToList());
        var vocabulary = keyWords.Values.SelectMany(k => k).SelectMany(k => k).ToHashSet(StringComparer.Ordinal);
        var longest = keyWords.Values.SelectMany(k => k).Select(k => k.Count).DefaultIfEmpty(0).Max();
        snapshot = new Snapshot(pipelines, keys, exact, keyWords, vocabulary, longest, storeVersion);
        // A change committed while this was loading leaves the cache empty, so the next reader loads it again.
        if (Volatile.Read(ref _version) == version)
        {
            _snapshot = snapshot;
        }

        return snapshot;
    }

    private sealed record Snapshot(
        IReadOnlyList<Pipeline> Pipelines,
        IReadOnlyDictionary<string, List<string>> Keys,
        IReadOnlyDictionary<string, Pipeline> Exact,
        IReadOnlyDictionary<string, List<HashSet<string>>> KeyWords,
        IReadOnlySet<string> Vocabulary,
        int LongestKeyWords,
        long? StoreVersion);
}
