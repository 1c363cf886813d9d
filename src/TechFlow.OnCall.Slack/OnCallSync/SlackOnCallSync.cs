using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TechFlow.OnCall.Core.Announcements;
using TechFlow.OnCall.Core.Conversation;
using TechFlow.OnCall.Core.Roster;
using TechFlow.OnCall.Core.Schedule;
using TechFlow.OnCall.Core.Storage;
using TechFlow.OnCall.Slack.Api;

namespace TechFlow.OnCall.Slack.OnCallSync;

/// <summary>
/// Keeps the announcement channel's topic (<see cref="SlackOptions.KeepTopic"/>) and a user group
/// (<see cref="SlackOptions.UserGroupId"/>) naming the current on call. Both are off by default. Idempotent: Slack is
/// only called when the on-call pair differs from what was last written.
/// </summary>
public sealed class SlackOnCallSync(
    EffectiveSchedule schedule,
    RosterService roster,
    ISlackApiClient api,
    IOnCallStore store,
    IOptions<SlackOptions> options,
    ILogger<SlackOnCallSync> logger) : IDueWork
{
    public string Name => "slack-oncall-sync";

    public async Task RunDueAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (!settings.OutboundEnabled || schedule.At(now) is not { } snapshot)
        {
            return;
        }

        try
        {
            if (settings is { KeepTopic: true, AnnouncementChannel: { Length: > 0 } channel })
            {
                var topic = $"On call: {SliceText.Name(snapshot.Primary)} (primary), {SliceText.Name(snapshot.Secondary)} (secondary)";
                await ApplyAsync("topic", topic, ct => api.Conversations.SetTopicAsync(channel, topic[..Math.Min(topic.Length, 250)], ct), cancellationToken);
            }

            if (settings.UserGroupId is { Length: > 0 } group)
            {
                var ids = new List<string>();
                foreach (var engineer in new[] { snapshot.Primary.Holder, snapshot.Secondary.Holder }.OfType<Engineer>())
                {
                    if (await SlackIdAsync(engineer, cancellationToken) is { } id && !ids.Contains(id))
                    {
                        ids.Add(id);
                    }
                }

                if (ids.Count > 0)
                {
                    await ApplyAsync("usergroup", string.Join(',', ids), ct => api.UserGroups.UpdateUsersAsync(group, ids, ct), cancellationToken);
                }
            }
        }
        catch (SlackApiException ex)
        {
            logger.LogWarning("Keeping Slack's on-call topic/user group failed: {Error}; next tick retries", ex.ErrorCode);
        }
    }

    private async Task ApplyAsync(string key, string value, Func<CancellationToken, Task> write, CancellationToken cancellationToken)
    {
        if (store.Set<SlackSyncState>().Get(key)?.Value == value)
        {
            return;
        }

        await write(cancellationToken);
        store.Write(tx => tx.Set<SlackSyncState>().Upsert(new SlackSyncState { Id = key, Value = value }));
    }

    private async Task<string?> SlackIdAsync(Engineer engineer, CancellationToken cancellationToken)
    {
        if (engineer.SlackUserId is { Length: > 0 } known)
        {
            return known;
        }

        if (string.IsNullOrEmpty(engineer.Email) || await api.Users.LookupByEmailAsync(engineer.Email, cancellationToken) is not { } user)
        {
            return null;
        }

        roster.Save(engineer with { SlackUserId = user.Id });
        return user.Id;
    }
}
