using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using TechFlow.OnCall.Slack.Inbound;

namespace TechFlow.OnCall.Slack.Tests.Support;

/// <summary>Builds requests signed exactly as Slack signs them.</summary>
public static class SlackSigner
{
    public const string Secret = "8f742231b10e8888abcd99yyyzzz85a5";

    public static HttpRequestMessage Request(string path, string body, string contentType, DateTimeOffset at, string secret = Secret)
    {
        var timestamp = at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var request = new HttpRequestMessage(HttpMethod.Post, path)
        {
            Content = new StringContent(body, Encoding.UTF8),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        request.Headers.Add("X-Slack-Request-Timestamp", timestamp);
        request.Headers.Add("X-Slack-Signature", SlackSignatureVerifier.Sign(secret, timestamp, Encoding.UTF8.GetBytes(body)));
        return request;
    }

    /// <summary>A slash command form body as Slack posts it.</summary>
    public static string CommandBody(string text, string userId, string responseUrl, string command = "/oncall") =>
        "token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=techflow&channel_id=C0TEAM&channel_name=data-eng"
        + $"&user_id={userId}&user_name=someone&command={Uri.EscapeDataString(command)}&text={Uri.EscapeDataString(text)}"
        + $"&api_app_id=A0ONCALL&is_enterprise_install=false&response_url={Uri.EscapeDataString(responseUrl)}&trigger_id=398738663015.47445629121.803a0bc887";

    /// <summary>A block_actions interaction: <c>payload=</c> + URL-encoded JSON.</summary>
    public static string ActionBody(string userId, string actionId, string value, string responseUrl, string? triggerId = null) =>
        "payload=" + Uri.EscapeDataString($$"""
        {"type":"block_actions","user":{"id":"{{userId}}","username":"someone","team_id":"T1DC2JH3J"},"api_app_id":"A0ONCALL",
         "token":"xyzz0WbapA4vBCDEFasx0q6G","container":{"type":"message","message_ts":"1700000000.000100","channel_id":"C0TEAM","is_ephemeral":false},
         "trigger_id":"{{triggerId ?? "398738663015.47445629121." + Guid.NewGuid().ToString("N")[..10]}}","team":{"id":"T1DC2JH3J","domain":"techflow"},
         "channel":{"id":"C0TEAM","name":"data-eng"},"message":{"type":"message","ts":"1700000000.000100","text":"x","blocks":[]},
         "state":{"values":{} },"response_url":"{{responseUrl}}",
         "actions":[{"action_id":"{{actionId}}","block_id":"b1","text":{"type":"plain_text","text":"Go","emoji":true},"value":"{{value}}","type":"button","action_ts":"1700000001.000200"}]}
        """);

    /// <summary>An event_callback envelope around one inner event.</summary>
    public static string EventBody(string eventId, string innerEventJson) => $$"""
        {"token":"xyzz0WbapA4vBCDEFasx0q6G","team_id":"T1DC2JH3J","api_app_id":"A0ONCALL","event":{{innerEventJson}},
         "type":"event_callback","event_id":"{{eventId}}","event_time":1700000000,
         "authorizations":[{"enterprise_id":null,"team_id":"T1DC2JH3J","user_id":"U0BOT","is_bot":true,"is_enterprise_install":false}],
         "is_ext_shared_channel":false,"event_context":"4-abc"}
        """;
}
