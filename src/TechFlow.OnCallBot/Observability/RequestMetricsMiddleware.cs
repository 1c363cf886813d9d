using System.Diagnostics;
using System.Globalization;

namespace TechFlow.OnCallBot.Observability;

/// <summary>
/// Times every request into <see cref="OnCallMetrics.Requests"/>, labelled by route template (never the raw path,
/// which may carry a calendar token), method and status. A timestamp and one histogram observation per request.
/// </summary>
internal sealed class RequestMetricsMiddleware(RequestDelegate next, OnCallMetrics metrics)
{
    private static readonly string[] Codes = [.. Enumerable.Range(0, 600).Select(c => c.ToString(CultureInfo.InvariantCulture))];

    public async Task InvokeAsync(HttpContext context)
    {
        var start = Stopwatch.GetTimestamp();
        var failed = false;
        try
        {
            await next(context);
        }
        catch
        {
            failed = true;
            throw;
        }
        finally
        {
            var status = failed && !context.Response.HasStarted ? 500 : context.Response.StatusCode;
            metrics.Requests
                .WithLabels(Route(context), Method(context.Request.Method), status is >= 0 and < 600 ? Codes[status] : "other")
                .Observe(Stopwatch.GetElapsedTime(start).TotalSeconds);
        }
    }

    private static string Route(HttpContext context) =>
        context.GetEndpoint() is RouteEndpoint { RoutePattern.RawText: { } template } ? template : "unmatched";

    private static string Method(string method) =>
        HttpMethods.IsGet(method) ? "GET" : HttpMethods.IsPost(method) ? "POST" : HttpMethods.IsHead(method) ? "HEAD"
        : HttpMethods.IsPut(method) ? "PUT" : HttpMethods.IsDelete(method) ? "DELETE" : "other";
}
