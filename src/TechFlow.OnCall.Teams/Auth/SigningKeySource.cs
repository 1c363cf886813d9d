using Microsoft.IdentityModel.Protocols;

namespace TechFlow.OnCall.Teams.Auth;

/// <summary>
/// One OpenID metadata address's signing keys, cached. A token signed with a key id the cache does not hold waits
/// for the refreshed keys before it is judged (a newly rotated key is accepted on its first use), yet the keys are
/// fetched at most once per <see cref="MinRefreshInterval"/>, however many unknown key ids arrive.
/// </summary>
/// <remarks>
/// Thread-safe. Concurrent callers share one fetch. A failed refresh keeps the keys already held. Time comes from
/// the <see cref="TimeProvider"/>, so the rate limit can be tested on a fake clock.
/// </remarks>
internal sealed class SigningKeySource(string address, TimeProvider time, IConfigurationRetriever<SigningMetadata> retriever, IDocumentRetriever documents)
{
    /// <summary>No more than one fetch per this interval (the first fetch, and a failed one, count too).</summary>
    public static readonly TimeSpan MinRefreshInterval = TimeSpan.FromMinutes(1);

    /// <summary>Keys older than this are refreshed on the next use, even when the key id is known.</summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromHours(12);

    /// <summary>How long one fetch (metadata and key set) may take.</summary>
    public static readonly TimeSpan FetchTimeout = TimeSpan.FromSeconds(10);

    private readonly Lock _lock = new();
    private SigningMetadata? _current;
    private DateTimeOffset _fetchedAt;
    private DateTimeOffset? _lastAttempt;
    private Task<SigningMetadata>? _fetching;

    /// <summary>How many fetches were started (for tests and metrics).</summary>
    public int Fetches { get; private set; }

    /// <summary>The keys to judge a token signed with <paramref name="kid"/>; fetched first when needed and allowed.</summary>
    /// <exception cref="InvalidOperationException">No keys were ever fetched and none can be now.</exception>
    public async Task<SigningMetadata> GetAsync(string? kid, CancellationToken cancellationToken)
    {
        Task<SigningMetadata>? pending;
        lock (_lock)
        {
            var now = time.GetUtcNow();
            var needed = _current is null || !_current.HasKey(kid) || now - _fetchedAt >= MaxAge;
            if (!needed)
            {
                return _current!;
            }

            pending = _fetching;
            if (pending is null && (_lastAttempt is not { } last || now - last >= MinRefreshInterval))
            {
                _lastAttempt = now;
                Fetches++;
                pending = _fetching = FetchAsync();
            }
        }

        if (pending is null)
        {
            return _current ?? throw new InvalidOperationException("OpenID metadata unavailable; the next attempt is within a minute");
        }

        try
        {
            return await pending.WaitAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException && _current is { } kept)
        {
            return kept;
        }
    }

    private async Task<SigningMetadata> FetchAsync()
    {
        await Task.Yield();
        try
        {
            using var timeout = new CancellationTokenSource(FetchTimeout, time);
            var metadata = await retriever.GetConfigurationAsync(address, documents, timeout.Token);
            lock (_lock)
            {
                _current = metadata;
                _fetchedAt = time.GetUtcNow();
            }

            return metadata;
        }
        catch (OperationCanceledException ex)
        {
            throw new InvalidOperationException($"OpenID metadata did not arrive within {FetchTimeout.TotalSeconds:0} s", ex);
        }
        finally
        {
            lock (_lock)
            {
                _fetching = null;
            }
        }
    }
}
