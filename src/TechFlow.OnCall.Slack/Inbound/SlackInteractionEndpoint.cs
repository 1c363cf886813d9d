using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;

namespace TechFlow.OnCall.Slack.Inbound;

/// <summary>
/// POST /slack/interactions: verifies, parses the <c>payload</c> form field, and hands it to the
/// <see cref="SlackInteractionDispatcher"/> that Socket Mode uses too.
/// </summary>
public sealed class SlackInteractionEndpoint(SlackRequestReader reader, SlackInteractionDispatcher dispatcher)
{
    public async Task<IResult> HandleAsync(HttpContext context)
    {
        var (body, status) = await reader.ReadVerifiedAsync(context.Request, context.RequestAborted);
        if (body is null)
        {
            return Results.StatusCode(status);
        }

        var form = QueryHelpers.ParseQuery(Encoding.UTF8.GetString(body));
        if (!form.TryGetValue("payload", out var payloadText) || string.IsNullOrEmpty(payloadText))
        {
            return Results.BadRequest();
        }

        JsonElement payload;
        try
        {
            using var document = JsonDocument.Parse(payloadText.ToString());
            payload = document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return Results.BadRequest();
        }

        return (await dispatcher.DispatchAsync(payload)).ToHttp();
    }
}
