using TechFlow.OnCall.Core.Conversation;

namespace TechFlow.OnCall.Core.Tests.Conventions;

/// <summary>Each feature keeps its command handlers in its own room; the conversation room keeps only its own.</summary>
public class FeatureRoomConventionTests
{
    /// <summary>The handlers that belong to the conversation itself: the lookup every question falls back to, and help.</summary>
    private static readonly string[] ConversationOwn = ["OnCallLookupHandler", "HelpHandler"];

    [Fact]
    public void CommandHandlers_LiveInTheirFeaturesRoom()
    {
        var handlers = typeof(ICommandHandler).Assembly.GetTypes()
            .Where(t => t is { IsAbstract: false, IsInterface: false } && typeof(ICommandHandler).IsAssignableFrom(t))
            .ToList();

        var misplaced = handlers
            .Where(t => t.Namespace!.StartsWith("TechFlow.OnCall.Core.Conversation", StringComparison.Ordinal) && !ConversationOwn.Contains(t.Name))
            .Select(t => t.FullName)
            .ToList();

        Assert.True(handlers.Count > ConversationOwn.Length, "no command handlers found");
        Assert.True(misplaced.Count == 0, "Move these to their feature's folder and namespace:\n" + string.Join('\n', misplaced));
    }
}
