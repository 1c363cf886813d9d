using System.Text;
using Microsoft.AspNetCore.Http;
using TechFlow.OnCall.Slack.Commands;

namespace TechFlow.OnCall.Slack.Inbound;

/// <summary>
/// POST /slack/commands: verifies and parses the form, then hands the command to the
/// <see cref="SlashCommandDispatcher"/> that Socket Mode uses too.
/// </summary>
public sealed class SlackCommandEndpoint(SlackRequestReader reader, SlashCommandDispatcher dispatcher)
{
    public async Task<IResult> HandleAsync(HttpContext context)
    {
        var (body, status) = await reader.ReadVerifiedAsync(context.Request, context.RequestAborted);
        if (body is null)
        {
            return Results.StatusCode(status);
        }

        var text = Encoding.UTF8.GetString(body);
        if (SlashCommand.IsSslCheck(text))
        {
            return Results.Ok();
        }

        if (SlashCommand.Parse(text) is not { } command)
        {
            return Results.BadRequest();
        }

        return (await dispatcher.DispatchAsync(command)).ToHttp();
    }
}
