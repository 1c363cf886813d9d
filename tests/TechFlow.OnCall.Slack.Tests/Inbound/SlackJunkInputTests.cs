using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using TechFlow.OnCall.Core.Inbound;
using TechFlow.OnCall.Core.Storage;
using TechFlow.OnCall.Slack.Inbound;
using TechFlow.OnCall.Slack.Tests.Support;

namespace TechFlow.OnCall.Slack.Tests.Inbound;

/// <summary>Junk gets a status and at most a one-line warning: never a 500, never a stack trace in the log.</summary>
public sealed class SlackJunkInputTests : IAsyncLifetime, IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 15, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider _time = new(Now);
    private readonly CapturedLogs _logs = new();
    private FakeSlackApi _slack = null!;

    public async Task InitializeAsync() => _slack = await FakeSlackApi.StartAsync();

    public async Task DisposeAsync() => await _slack.DisposeAsync();

    public void Dispose() => _logs.Dispose();

    [Fact]
    public async Task Events_SignedBodyWithInvalidUtf8_400AndNothingStored()
    {
        using var host = new SlackHost(_slack, _time);
        using var client = host.CreateClient();
        var body = Encoding.UTF8.GetBytes("""{"type":"event_callback","event_id":"EvUtf8","event":{"type":"message","channel_type":"im","user":"U0GUEST","channel":"D0GUEST","text":"XX"}}""");
        var at = Array.IndexOf(body, (byte)'X');
        body[at] = 0xC3;
        body[at + 1] = 0x28;
        var timestamp = Now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/slack/events") { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Add("X-Slack-Request-Timestamp", timestamp);
        request.Headers.Add("X-Slack-Signature", SlackSignatureVerifier.Sign(SlackSigner.Secret, timestamp, body));

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(0, host.Services.GetRequiredService<IOnCallStore>().Set<InboundWork>().Count());
    }

    public static TheoryData<string, int> Broken() => new()
    {
        { "cut off", 400 },
        { "too slow", 408 },
        { "too large", 413 },
    };

    [Theory]
    [MemberData(nameof(Broken))]
    public async Task ReadVerified_BrokenBody_StatusAndOneWarningLine(string kind, int status)
    {
        var reader = new SlackRequestReader(
            Options.Create(new SlackOptions { SigningSecret = SlackSigner.Secret, MaxRequestBytes = 1024 }),
            new SlackSignatureVerifier(Options.Create(new SlackOptions { SigningSecret = SlackSigner.Secret }), _time),
            _logs.For<SlackRequestReader>());
        var http = new DefaultHttpContext();
        http.Request.Path = "/slack/events";
        http.Request.Body = kind switch
        {
            "cut off" => new FailingStream(new IOException("The client reset the request stream.")),
            "too slow" => new FailingStream(new BadHttpRequestException("Reading the request body timed out due to data arriving too slowly.", 408)),
            _ => new MemoryStream(new byte[4096]),
        };

        var (body, answer) = await reader.ReadVerifiedAsync(http.Request, CancellationToken.None);

        Assert.Null(body);
        Assert.Equal(status, answer);
        var entry = Assert.Single(_logs.Entries);
        Assert.Equal(LogLevel.Warning, entry.Level);
        Assert.Null(entry.Exception);
        Assert.DoesNotContain('\n', entry.Message);
    }

    [Fact]
    public async Task Interactions_ResponseUrlOnARefusedHost_NoErrorsOrStackTracesLogged()
    {
        using var host = new SlackHost(_slack, _time, configure: s => s.AddSingleton<ILoggerProvider>(_logs));
        using var client = host.CreateClient();

        using var response = await client.SendAsync(SlackSigner.Request("/slack/interactions",
            SlackSigner.ActionBody("U0GUEST", "no-such-action", "x", "https://evil.example/hook"), "application/x-www-form-urlencoded", Now));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var store = host.Services.GetRequiredService<IOnCallStore>();
        Assert.True(await _slack.WaitForAsync(_ => store.Set<InboundWork>().All().Any(w => w.Attempts > 0 && w.LastError is not null)));
        await Task.Delay(200);
        Assert.Contains(_logs.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("untrusted_response_url", StringComparison.Ordinal));
        Assert.DoesNotContain(_logs.Entries, e => e.Level >= LogLevel.Error || e.Exception is not null);
    }

    private sealed class FailingStream(Exception error) : Stream
    {
        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => 0; set => throw new NotSupportedException(); }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => throw error;

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => ValueTask.FromException<int>(error);

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
