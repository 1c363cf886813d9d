using System.Net;
using Microsoft.Extensions.Http.Resilience;
using Polly;
using Polly.Timeout;

namespace TechFlow.OnCallBot.Extensions;

/// <summary>
/// The one retry policy for calls to chat platforms: only idempotent requests (GET, HEAD, OPTIONS, PUT, DELETE)
/// are retried by the HTTP pipeline, on a dropped connection, a timeout or a 5xx; a POST, which posts or changes
/// something, gets exactly one attempt and is retried by the outbox, which reconciles first. A 429 is never waited
/// out inside a call: it goes back to the caller at once with its Retry-After.
/// </summary>
public static class OutboundHttpExtensions
{
    private static readonly HashSet<HttpMethod> Idempotent = [HttpMethod.Get, HttpMethod.Head, HttpMethod.Options, HttpMethod.Put, HttpMethod.Delete];

    /// <param name="timeout">How long one call may take in all (retries of an idempotent request included).</param>
    public static IHttpClientBuilder AddOutboundResilience(this IHttpClientBuilder builder, Func<IServiceProvider, TimeSpan> timeout)
    {
        builder.ConfigureHttpClient(c => c.Timeout = Timeout.InfiniteTimeSpan);
        builder.AddResilienceHandler("outbound", (pipeline, context) =>
        {
            // Network waits are wall-clock: the team's (possibly fake, in tests) calendar clock must not stall I/O.
            pipeline.TimeProvider = TimeProvider.System;
            var total = timeout(context.ServiceProvider);
            pipeline.AddTimeout(total);
            pipeline.AddRetry(new HttpRetryStrategyOptions
            {
                MaxRetryAttempts = 2,
                Delay = TimeSpan.FromMilliseconds(300),
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                ShouldRetryAfterHeader = false,
                ShouldHandle = args => ValueTask.FromResult(IsIdempotent(args.Context) && IsTransient(args.Outcome)),
            });
            pipeline.AddTimeout(new TimeoutStrategyOptions
            {
                TimeoutGenerator = args => ValueTask.FromResult(IsIdempotent(args.Context) ? total / 3 : Timeout.InfiniteTimeSpan),
            });
        });
        return builder;
    }

    /// <summary>Whether the HTTP pipeline may send this request more than once.</summary>
    public static bool IsIdempotent(HttpMethod method) => Idempotent.Contains(method);

    private static bool IsIdempotent(ResilienceContext context) =>
        context.GetRequestMessage() is { } request && IsIdempotent(request.Method);

    private static bool IsTransient(Outcome<HttpResponseMessage> outcome) => outcome switch
    {
        { Exception: HttpRequestException or TimeoutRejectedException } => true,
        { Result: { } response } => response.StatusCode == HttpStatusCode.RequestTimeout || (int)response.StatusCode >= 500,
        _ => false,
    };
}
