using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;

namespace TechFlow.OnCall.Slack.SocketMode;

/// <summary>
/// One Socket Mode WebSocket. It pings every <c>keepAlive</c> and aborts when a pong is that late, so a link that
/// died silently ends the read loop like a dropped one. Sends are serialised; reads come from one loop.
/// </summary>
public sealed class SocketModeConnection : IAsyncDisposable
{
    private const int MaxFrameBytes = 4 * 1024 * 1024;
    private readonly ClientWebSocket _socket;
    private readonly SemaphoreSlim _sending = new(1, 1);

    private SocketModeConnection(ClientWebSocket socket, int number)
    {
        _socket = socket;
        Number = number;
    }

    /// <summary>A number for the logs (connections opened so far by this process).</summary>
    public int Number { get; }

    public static async Task<SocketModeConnection> ConnectAsync(Uri url, TimeSpan keepAlive, int number, CancellationToken cancellationToken)
    {
        var socket = new ClientWebSocket();
        socket.Options.KeepAliveInterval = keepAlive;
        socket.Options.KeepAliveTimeout = keepAlive;
        try
        {
            await socket.ConnectAsync(url, cancellationToken);
            return new SocketModeConnection(socket, number);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>The next text frame; null once the socket is closed, dropped or missed its pongs.</summary>
    public async Task<string?> ReceiveAsync(CancellationToken cancellationToken)
    {
        var buffer = new byte[16 * 1024];
        using var frame = new MemoryStream();
        try
        {
            while (true)
            {
                var result = await _socket.ReceiveAsync(buffer, cancellationToken);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    return null;
                }

                if (frame.Length + result.Count > MaxFrameBytes)
                {
                    _socket.Abort();
                    return null;
                }

                frame.Write(buffer, 0, result.Count);
                if (result.EndOfMessage)
                {
                    return result.MessageType == WebSocketMessageType.Text ? Encoding.UTF8.GetString(frame.GetBuffer(), 0, (int)frame.Length) : "";
                }
            }
        }
        catch (WebSocketException)
        {
            return null;
        }
    }

    /// <summary>Sends one JSON frame (an acknowledgement); false when the socket is already gone.</summary>
    public async Task<bool> SendAsync(JsonObject message, CancellationToken cancellationToken)
    {
        var bytes = Encoding.UTF8.GetBytes(message.ToJsonString());
        await _sending.WaitAsync(cancellationToken);
        try
        {
            if (_socket.State != WebSocketState.Open)
            {
                return false;
            }

            await _socket.SendAsync(bytes, WebSocketMessageType.Text, endOfMessage: true, cancellationToken);
            return true;
        }
        catch (WebSocketException)
        {
            return false;
        }
        finally
        {
            _sending.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(1));
            try
            {
                await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "", timeout.Token);
            }
            catch (Exception ex) when (ex is WebSocketException or OperationCanceledException)
            {
            }
        }

        _socket.Dispose();
        _sending.Dispose();
    }
}
