using System.Buffers;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace TechFlow.OnCall.Slack.Inbound;

/// <summary>
/// Reads a Slack request's raw body (bounded) and verifies its signature before anything parses it.
/// </summary>
/// <remarks>
/// Nothing here is trusted yet, so what goes wrong while reading (a body that stalls or is cut off, one over the
/// limit, a bad signature) is answered with a status and logged as one warning line, never as an error with a stack.
/// </remarks>
public sealed class SlackRequestReader(IOptions<SlackOptions> options, SlackSignatureVerifier verifier, ILogger<SlackRequestReader> logger)
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
            logger.LogWarning("Refused a Slack request to {Path}: Content-Length {Length} over {Limit} bytes", request.Path, request.ContentLength, limit);
            return (null, StatusCodes.Status413PayloadTooLarge);
        }

        byte[] body;
        try
        {
            var read = await ReadBodyAsync(request, limit, cancellationToken);
            if (read is null)
            {
                logger.LogWarning("Refused a Slack request to {Path}: body over {Limit} bytes", request.Path, limit);
                return (null, StatusCodes.Status413PayloadTooLarge);
            }

            body = read;
        }
        catch (Exception ex) when (ex is BadHttpRequestException or IOException || (ex is OperationCanceledException && cancellationToken.IsCancellationRequested))
        {
            logger.LogWarning("Gave up reading a Slack request to {Path}: {Reason}", request.Path, ex.Message);
            return (null, ex is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status400BadRequest);
        }

        var timestamp = request.Headers["X-Slack-Request-Timestamp"].ToString();
        var signature = request.Headers["X-Slack-Signature"].ToString();
        if (verifier.IsValid(timestamp, signature, body))
        {
            return (body, StatusCodes.Status200OK);
        }

        logger.LogWarning("Refused a Slack request to {Path}: missing, stale or wrong signature", request.Path);
        return (null, StatusCodes.Status401Unauthorized);
    }

    /// <summary>
    /// The whole body, or null when it is over <paramref name="limit"/>. With a Content-Length (as Slack sends) it is
    /// read straight into an array of that size; otherwise through a pooled chunk.
    /// </summary>
    private static async Task<byte[]?> ReadBodyAsync(HttpRequest request, long limit, CancellationToken cancellationToken)
    {
        if (request.ContentLength is { } length)
        {
            var exact = new byte[length];
            var filled = await request.Body.ReadAtLeastAsync(exact, exact.Length, throwOnEndOfStream: false, cancellationToken);
            return filled == exact.Length ? exact : exact[..filled];
        }

        using var buffer = new MemoryStream();
        var chunk = ArrayPool<byte>.Shared.Rent(16 * 1024);
        try
        {
            int read;
            while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
            {
                if (buffer.Length + read > limit)
                {
                    return null;
                }

                buffer.Write(chunk, 0, read);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }

        return buffer.ToArray();
    }
}
