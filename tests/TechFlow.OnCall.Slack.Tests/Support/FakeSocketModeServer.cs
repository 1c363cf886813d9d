using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace TechFlow.OnCall.Slack.Tests.Support;

/// <summary>
/// A loopback stand-in for Slack's Socket Mode (Kestrel WebSockets on 127.0.0.1). Each URL handed out by
/// <see cref="NextUrl"/> (through the fake <c>apps.connections.open</c>) opens one connection, greeted with
/// <c>hello</c>. <see cref="DeliverAsync"/> sends an envelope and waits for its acknowledgement; when the connection
/// dies first it delivers the same envelope on another one, as Slack does.
/// </summary>
public sealed class FakeSocketModeServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<int, FakeSocket> _sockets = new();
    private readonly ConcurrentDictionary<string, TaskCompletionSource<JsonObject>> _pending = new();
    private int _tickets;
    private int _envelopes;
    private int _accepted;

    private FakeSocketModeServer(WebApplication app) => _app = app;

    public string BaseUrl { get; private set; } = "";

    /// <summary>Every connection ever accepted, in order.</summary>
    public IReadOnlyList<FakeSocket> Sockets => [.. _sockets.Values.OrderBy(s => s.Id)];

    public IReadOnlyList<FakeSocket> Open => [.. Sockets.Where(s => s.IsOpen && !s.Muted)];

    /// <summary>Every acknowledgement received, in arrival order.</summary>
    public ConcurrentQueue<JsonObject> Acks { get; } = new();

    private int _muteNext;

    /// <summary>When true, the next connection (exactly one, however many arrive at once) is greeted and then never read (its pongs never come).</summary>
    public bool MuteNext
    {
        get => Volatile.Read(ref _muteNext) == 1;
        set => Volatile.Write(ref _muteNext, value ? 1 : 0);
    }

    public static async Task<FakeSocketModeServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var fake = new FakeSocketModeServer(app);
        app.UseWebSockets();
        app.Map("/link", fake.AcceptAsync);
        await app.StartAsync();
        fake.BaseUrl = app.Urls.First().Replace("http://", "ws://", StringComparison.Ordinal);
        return fake;
    }

    /// <summary>A fresh connection URL, as <c>apps.connections.open</c> returns.</summary>
    public string NextUrl() => $"{BaseUrl}/link?ticket={Interlocked.Increment(ref _tickets)}";

    /// <summary>Sends an envelope on <paramref name="via"/> (else the newest open connection) and waits for its ack.</summary>
    /// <param name="dropBeforeAck">Cut the connection right after sending, before the client can acknowledge.</param>
    public async Task<(JsonObject Ack, TimeSpan Took, string EnvelopeId)> DeliverAsync(
        string type, JsonNode payload, bool acceptsResponsePayload = false, FakeSocket? via = null, bool dropBeforeAck = false, int? retryAttempt = null, string? envelopeId = null)
    {
        envelopeId ??= $"env-{Interlocked.Increment(ref _envelopes)}-{Guid.NewGuid():N}";
        var envelope = new JsonObject
        {
            ["envelope_id"] = envelopeId,
            ["type"] = type,
            ["payload"] = payload.DeepClone(),
            ["accepts_response_payload"] = acceptsResponsePayload,
        };
        if (retryAttempt is { } attempt)
        {
            envelope["retry_attempt"] = attempt;
            envelope["retry_reason"] = "timeout";
        }

        var acked = new TaskCompletionSource<JsonObject>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending[envelopeId] = acked;
        var clock = Stopwatch.StartNew();
        for (var tries = 0; tries < 20; tries++)
        {
            var socket = via is { IsOpen: true } ? via : Open.LastOrDefault();
            via = null;
            if (socket is null)
            {
                await Task.Delay(100);
                continue;
            }

            clock.Restart();
            await SendAsync(socket, envelope);
            if (dropBeforeAck)
            {
                dropBeforeAck = false;
                socket.Drop();
            }

            var done = await Task.WhenAny(acked.Task, socket.Closed.Task, Task.Delay(TimeSpan.FromSeconds(10)));
            if (done == acked.Task)
            {
                return (await acked.Task, clock.Elapsed, envelopeId);
            }
        }

        throw new TimeoutException($"Envelope {envelopeId} was never acknowledged");
    }

    /// <summary>Sends <c>{"type":"disconnect","reason":…}</c> on <paramref name="socket"/>.</summary>
    public static Task DisconnectAsync(FakeSocket socket, string reason) =>
        SendAsync(socket, new JsonObject { ["type"] = "disconnect", ["reason"] = reason, ["debug_info"] = new JsonObject { ["host"] = "fake" } });

    /// <summary>Closes <paramref name="socket"/> with a close handshake, as Slack does after a refresh.</summary>
    public static async Task CloseAsync(FakeSocket socket)
    {
        await socket.Sending.WaitAsync();
        try
        {
            await socket.Socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "refresh", CancellationToken.None);
        }
        catch (WebSocketException)
        {
        }
        finally
        {
            socket.Sending.Release();
        }
    }

    /// <summary>Waits (up to 20 s) until <paramref name="condition"/> holds.</summary>
    public async Task<bool> WaitForAsync(Func<FakeSocketModeServer, bool> condition, int seconds = 20)
    {
        for (var i = 0; i < seconds * 20; i++)
        {
            if (condition(this))
            {
                return true;
            }

            await Task.Delay(50);
        }

        return condition(this);
    }

    private async Task AcceptAsync(HttpContext context)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            context.Response.StatusCode = 400;
            return;
        }

        using var ws = await context.WebSockets.AcceptWebSocketAsync();
        var muted = Interlocked.Exchange(ref _muteNext, 0) == 1;
        var socket = new FakeSocket(Interlocked.Increment(ref _accepted), ws, context, muted);
        _sockets[socket.Id] = socket;
        try
        {
            await SendAsync(socket, new JsonObject
            {
                ["type"] = "hello",
                ["num_connections"] = Open.Count,
                ["connection_info"] = new JsonObject { ["app_id"] = "A0ONCALL" },
                ["debug_info"] = new JsonObject { ["host"] = "fake", ["approximate_connection_time"] = 18060 },
            });
            if (muted)
            {
                await Task.Delay(Timeout.Infinite, context.RequestAborted);
            }

            await ReadAcksAsync(ws, context.RequestAborted);
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or IOException)
        {
        }
        finally
        {
            socket.Closed.TrySetResult();
        }
    }

    private async Task ReadAcksAsync(WebSocket ws, CancellationToken cancellationToken)
    {
        var buffer = new byte[64 * 1024];
        while (true)
        {
            using var frame = new MemoryStream();
            WebSocketReceiveResult result;
            do
            {
                result = await ws.ReceiveAsync(buffer, cancellationToken);
                frame.Write(buffer, 0, result.Count);
            }
            while (!result.EndOfMessage && result.MessageType != WebSocketMessageType.Close);

            if (result.MessageType == WebSocketMessageType.Close)
            {
                return;
            }

            var ack = JsonNode.Parse(Encoding.UTF8.GetString(frame.ToArray()))!.AsObject();
            Acks.Enqueue(ack);
            if (ack["envelope_id"]?.GetValue<string>() is { } id && _pending.TryGetValue(id, out var waiting))
            {
                waiting.TrySetResult(ack);
            }
        }
    }

    private static async Task SendAsync(FakeSocket socket, JsonObject message)
    {
        await socket.Sending.WaitAsync();
        try
        {
            await socket.Socket.SendAsync(Encoding.UTF8.GetBytes(message.ToJsonString()), WebSocketMessageType.Text, true, CancellationToken.None);
        }
        catch (Exception ex) when (ex is WebSocketException or ObjectDisposedException or IOException)
        {
        }
        finally
        {
            socket.Sending.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
