using Microsoft.Extensions.Logging;
using Npgsql;

namespace TechFlow.OnCall.Storage.Postgres;

/// <summary>
/// Tells the other replicas what a commit changed, so their <see cref="Core.Storage.IOnCallStore.Committed"/>
/// fires too (caches refresh, dispatchers wake).
/// </summary>
/// <remarks>
/// <para>A unit of work that changed something sends <c>NOTIFY oncall_commit</c> inside its transaction, so the
/// message is delivered exactly when (and only if) it commits. The payload is this replica's id and the changed
/// types' names; a replica ignores its own messages, since it raised the event locally already.</para>
/// <para>Each replica keeps one connection in <c>LISTEN</c>. If it drops, the replica reconnects with a back-off and
/// then raises the event once for every type it has used, because notifications sent while it was away are lost.
/// Remote events are raised on the listener's thread.</para>
/// </remarks>
internal sealed class CommitChannel : IDisposable
{
    public const string Channel = "oncall_commit";
    private const string Everything = "*";
    private const int MaxPayload = 7900;

    private readonly string _instance = Guid.NewGuid().ToString("N");
    private readonly NpgsqlDataSource _source;
    private readonly Func<IReadOnlyCollection<Type>> _known;
    private readonly Action<IReadOnlySet<Type>> _received;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _stop = new();
    private readonly TaskCompletionSource _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Task _loop;

    public CommitChannel(NpgsqlDataSource source, Func<IReadOnlyCollection<Type>> known, Action<IReadOnlySet<Type>> received, ILogger logger)
    {
        _source = source;
        _known = known;
        _received = received;
        _logger = logger;
        _loop = Task.Run(ListenAsync);
    }

    /// <summary>
    /// Waits until the first <c>LISTEN</c> is in place, so nothing another replica commits after the store opened is
    /// missed. False when it took longer than <paramref name="timeout"/>; the listener keeps trying and, once it
    /// connects, raises the event for every type as after any reconnect.
    /// </summary>
    public bool WaitUntilListening(TimeSpan timeout) => _listening.Task.Wait(timeout);

    /// <summary>Queues the notification inside <paramref name="transaction"/>: sent when it commits.</summary>
    public void Notify(NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlySet<Type> changed)
    {
        var payload = _instance + "\n" + string.Join("\n", changed.Select(Name));
        using var command = new NpgsqlCommand("SELECT pg_notify($1, $2)", connection, transaction);
        command.Parameters.Add(new NpgsqlParameter { Value = Channel });
        command.Parameters.Add(new NpgsqlParameter { Value = payload.Length <= MaxPayload ? payload : _instance + "\n" + Everything });
        command.ExecuteNonQuery();
    }

    public void Dispose()
    {
        _stop.Cancel();
        try
        {
            _loop.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
            // The loop ends by cancellation; anything else was logged by it.
        }

        _stop.Dispose();
    }

    private async Task ListenAsync()
    {
        var delay = TimeSpan.FromMilliseconds(250);
        var reconnecting = false;
        while (!_stop.IsCancellationRequested)
        {
            try
            {
                await using var connection = await _source.OpenConnectionAsync(_stop.Token).ConfigureAwait(false);
                connection.Notification += (_, e) => Receive(e.Payload);
                await using (var listen = new NpgsqlCommand($"LISTEN {Channel}", connection))
                {
                    await listen.ExecuteNonQueryAsync(_stop.Token).ConfigureAwait(false);
                }

                _listening.TrySetResult();

                if (reconnecting)
                {
                    _logger.LogInformation("Listening for other replicas' commits again");
                    Raise([.. _known()]);
                }

                delay = TimeSpan.FromMilliseconds(250);
                while (!_stop.IsCancellationRequested)
                {
                    await connection.WaitAsync(_stop.Token).ConfigureAwait(false);
                }
            }
            catch (OperationCanceledException) when (_stop.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is NpgsqlException or IOException or TimeoutException or InvalidOperationException)
            {
                _logger.LogWarning(ex, "Lost the commit listener connection; retrying in {Delay}", delay);
                reconnecting = true;
                try
                {
                    await Task.Delay(delay, _stop.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return;
                }

                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, TimeSpan.FromSeconds(30).Ticks));
            }
        }
    }

    private void Receive(string payload)
    {
        var lines = payload.Split('\n');
        if (lines[0] == _instance)
        {
            return;
        }

        Raise(lines.Skip(1).Contains(Everything)
            ? [.. _known()]
            : [.. lines.Skip(1).Select(n => Type.GetType(n, throwOnError: false)).OfType<Type>()]);
    }

    private void Raise(HashSet<Type> changed)
    {
        if (changed.Count == 0)
        {
            return;
        }

        try
        {
            _received(changed);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            _logger.LogError(ex, "A Committed handler failed on a commit from another replica");
        }
    }

    private static string Name(Type type) => $"{type.FullName}, {type.Assembly.GetName().Name}";
}
