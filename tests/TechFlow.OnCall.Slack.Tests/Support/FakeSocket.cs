using System.Net.WebSockets;
using Microsoft.AspNetCore.Http;

namespace TechFlow.OnCall.Slack.Tests.Support;

/// <summary>One WebSocket the fake Socket Mode server accepted.</summary>
public sealed class FakeSocket(int id, WebSocket socket, HttpContext context, bool muted)
{
    public int Id { get; } = id;

    /// <summary>Greeted but never read, so the client's pings go unanswered.</summary>
    public bool Muted { get; } = muted;

    internal WebSocket Socket { get; } = socket;

    internal SemaphoreSlim Sending { get; } = new(1, 1);

    /// <summary>Completes when the connection ends, whoever ended it.</summary>
    public TaskCompletionSource Closed { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public bool IsOpen => !Closed.Task.IsCompleted;

    /// <summary>Cuts the connection without a close handshake, as a network failure would.</summary>
    public void Drop() => context.Abort();
}
