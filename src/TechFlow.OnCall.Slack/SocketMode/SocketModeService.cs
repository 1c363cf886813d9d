using System.Collections.Concurrent;
using System.Security.Cryptography;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TechFlow.OnCall.Slack.Api;

namespace TechFlow.OnCall.Slack.SocketMode;

/// <summary>
/// Keeps <see cref="SlackOptions.SocketConnections"/> Socket Mode connections open while <c>Slack:AppToken</c> is set.
/// Each slot opens a connection (<c>apps.connections.open</c>, then the WebSocket), reads it, and acknowledges every
/// envelope. On <c>disconnect</c> (warning, refresh_requested) the slot opens its next connection at once while the
/// old one drains, so nothing is lost; a dropped socket or missed pongs reopen with a doubling backoff;
/// <c>link_disabled</c> stops the slot.
/// </summary>
public sealed partial class SocketModeService(
    ISlackApiClient api,
    SocketModeEnvelopeHandler envelopes,
    IOptions<SlackOptions> options,
    TimeProvider time,
    ILogger<SocketModeService> logger) : BackgroundService
{
    /// <summary>How long a connection told to disconnect may keep delivering before it is closed from this side.</summary>
    public static readonly TimeSpan Drain = TimeSpan.FromSeconds(30);

    /// <summary>How long the WebSocket handshake may take before the attempt counts as failed.</summary>
    public static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(15);

    private readonly ConcurrentDictionary<int, SocketModeConnection> _open = new();
    private readonly ConcurrentDictionary<Task, bool> _draining = new();
    private int _opened;
    private int _disabledSlots;
    private volatile string? _lastFailure;

    /// <summary>How many connections are open right now (readiness and tests).</summary>
    public int OpenConnections => _open.Count;

    /// <summary>How many slots stopped for good because Slack answered <c>link_disabled</c>.</summary>
    public int DisabledSlots => Volatile.Read(ref _disabledSlots);

    /// <summary>Why the last attempt to open a connection failed (an API error code or the socket's message), if one did.</summary>
    public string? LastFailure => _lastFailure;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (!settings.SocketModeEnabled)
        {
            return;
        }

        var slots = Enumerable.Range(0, Math.Max(1, settings.SocketConnections)).Select(slot => RunSlotAsync(slot, stoppingToken));
        await Task.WhenAll(slots);
        await Task.WhenAll(_draining.Keys);
    }

    private async Task RunSlotAsync(int slot, CancellationToken stoppingToken)
    {
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            var ending = await ConnectOnceAsync(slot, () => failures = 0, stoppingToken);
            switch (ending)
            {
                case SocketModeEnding.Stopping:
                    return;
                case SocketModeEnding.Disabled:
                    Interlocked.Increment(ref _disabledSlots);
                    LogDisabled(slot);
                    return;
                case SocketModeEnding.Refresh:
                    continue;
                case SocketModeEnding.TooMany:
                    failures = int.MaxValue;
                    break;
                default:
                    failures = failures == int.MaxValue ? failures : failures + 1;
                    break;
            }

            if (!await WaitAsync(Backoff(failures), stoppingToken))
            {
                return;
            }
        }
    }

    /// <summary>Opens one connection and reads it until it ends or asks to be replaced; a replaced one keeps draining.</summary>
    private async Task<SocketModeEnding> ConnectOnceAsync(int slot, Action healthy, CancellationToken stoppingToken)
    {
        SocketModeConnection connection;
        try
        {
            var url = await api.Apps.ConnectionsOpenAsync(stoppingToken);
            using var connecting = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
            connecting.CancelAfter(ConnectTimeout);
            connection = await SocketModeConnection.ConnectAsync(url, options.Value.SocketKeepAlive, Interlocked.Increment(ref _opened), connecting.Token);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            return SocketModeEnding.Stopping;
        }
        catch (SlackApiException ex)
        {
            _lastFailure = $"apps.connections.open says {ex.ErrorCode}";
            LogOpenFailed(slot, ex.ErrorCode);
            return ex.ErrorCode is "invalid_auth" or "not_authed" or "not_allowed_token_type" ? SocketModeEnding.TooMany : SocketModeEnding.Dropped;
        }
        catch (Exception ex) when (ex is System.Net.WebSockets.WebSocketException or HttpRequestException or OperationCanceledException)
        {
            _lastFailure = ex.Message;
            LogConnectFailed(slot, ex.Message);
            return SocketModeEnding.Dropped;
        }

        _open[connection.Number] = connection;
        var ending = new TaskCompletionSource<SocketModeEnding>(TaskCreationOptions.RunContinuationsAsynchronously);
        var reading = ReadAsync(slot, connection, ending, healthy, stoppingToken);
        var result = await ending.Task;
        if (result is SocketModeEnding.Refresh or SocketModeEnding.TooMany)
        {
            _draining[reading] = true;
            _ = reading.ContinueWith(t => _draining.TryRemove(t, out _), TaskScheduler.Default);
        }
        else
        {
            await reading;
        }

        return result;
    }

    private async Task ReadAsync(int slot, SocketModeConnection connection, TaskCompletionSource<SocketModeEnding> ending, Action healthy, CancellationToken stoppingToken)
    {
        using var drain = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        try
        {
            while (await connection.ReceiveAsync(drain.Token) is { } text)
            {
                if (SocketModeFrame.Parse(text) is not { } frame)
                {
                    continue;
                }

                if (frame.IsEnvelope)
                {
                    _ = AcknowledgeAsync(connection, frame, stoppingToken);
                }
                else if (frame.Type == "hello")
                {
                    healthy();
                    LogHello(slot, connection.Number);
                }
                else if (frame.Type == "disconnect")
                {
                    LogDisconnect(slot, connection.Number, frame.Reason ?? "");
                    var next = frame.Reason switch
                    {
                        "link_disabled" => SocketModeEnding.Disabled,
                        "too_many_websockets" => SocketModeEnding.TooMany,
                        _ => SocketModeEnding.Refresh,
                    };
                    if (ending.TrySetResult(next) && next != SocketModeEnding.Disabled)
                    {
                        drain.CancelAfter(Drain);
                    }
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
        finally
        {
            _open.TryRemove(connection.Number, out _);
            await connection.DisposeAsync();
            ending.TrySetResult(stoppingToken.IsCancellationRequested ? SocketModeEnding.Stopping : SocketModeEnding.Dropped);
            LogClosed(slot, connection.Number);
        }
    }

    private async Task AcknowledgeAsync(SocketModeConnection connection, SocketModeFrame frame, CancellationToken stoppingToken)
    {
        var ack = await envelopes.HandleAsync(frame);
        if (!await connection.SendAsync(ack, stoppingToken))
        {
            LogAckLost(frame.EnvelopeId!, connection.Number);
        }
    }

    /// <summary>1 s, 2 s, 4 s … up to <see cref="SlackOptions.SocketMaxBackoff"/>, each between half and all of it.</summary>
    private TimeSpan Backoff(int failures)
    {
        var max = options.Value.SocketMaxBackoff;
        var full = failures >= 30 ? max : TimeSpan.FromSeconds(Math.Min(max.TotalSeconds, Math.Pow(2, Math.Max(0, failures - 1))));
        return full * (RandomNumberGenerator.GetInt32(500, 1001) / 1000.0);
    }

    private async Task<bool> WaitAsync(TimeSpan delay, CancellationToken stoppingToken)
    {
        try
        {
            await Task.Delay(delay, time, stoppingToken);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Slack Socket Mode slot {Slot}: connection {Connection} ready (hello)")]
    private partial void LogHello(int slot, int connection);

    [LoggerMessage(Level = LogLevel.Information, Message = "Slack Socket Mode slot {Slot}: connection {Connection} asked to disconnect ({Reason})")]
    private partial void LogDisconnect(int slot, int connection, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Slack Socket Mode slot {Slot}: connection {Connection} closed")]
    private partial void LogClosed(int slot, int connection);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Slack Socket Mode slot {Slot}: apps.connections.open failed ({Error}); retrying with backoff")]
    private partial void LogOpenFailed(int slot, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Slack Socket Mode slot {Slot}: connecting failed ({Error}); retrying with backoff")]
    private partial void LogConnectFailed(int slot, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Slack Socket Mode: the acknowledgement of {EnvelopeId} was not sent (connection {Connection} gone); Slack sends it again")]
    private partial void LogAckLost(string envelopeId, int connection);

    [LoggerMessage(Level = LogLevel.Error, Message = "Slack Socket Mode slot {Slot}: link_disabled (Socket Mode was turned off for the app); not reconnecting. Turn it on again, or remove Slack:AppToken and use the HTTP request URLs")]
    private partial void LogDisabled(int slot);
}
