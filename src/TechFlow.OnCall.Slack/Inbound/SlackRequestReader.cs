using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace TechFlow.OnCall.Slack.Inbound;

/// <summary>
/// Reads a Slack request's raw body (bounded) and verifies its signature before anything parses it.
/// </summary>
public sealed class SlackRequestReader(IOptions<SlackOptions> options, SlackSignatureVerifier verifier)
{
    /// <summary>The verified raw body, or the status to answer with (404 off, 413 too large, 401 unsigned).</summary>
    public async Task<(byte[]? Body, int Status)> ReadVerifiedAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (!settings.InboundEnabled)
        {
            return (null, StatusCodes.Status404NotFound);
        }

        var limit = settings.MaxRequestBytes;
        if (request.ContentLength > limit)
        {
            return (null, StatusCodes.Status413PayloadTooLarge);
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                return (null, StatusCodes.Status413PayloadTooLarge);
            }

            buffer.Write(chunk, 0, read);
        }

        var body = buffer.ToArray();
        var timestamp = request.Headers["X-Slack-Request-Timestamp"].ToString();
        var signature = request.Headers["X-Slack-Signature"].ToString();
        return verifier.IsValid(timestamp, signature, body)
            ? (body, StatusCodes.Status200OK)
            : (null, StatusCodes.Status401Unauthorized);
    }
}
