using TechFlow.OnCall.Core.Roster;

namespace TechFlow.OnCall.Core.Conversation;

/// <summary>Everything a handler needs about one request.</summary>
/// <param name="Input">The raw input.</param>
/// <param name="Engineer">The asking engineer, when known.</param>
/// <param name="Verb">The verb that selected the handler (empty for the default lookup).</param>
/// <param name="Args">The text after the verb, trimmed.</param>
/// <param name="Now">The instant to answer for.</param>
public sealed record CommandContext(BotInput Input, Engineer? Engineer, string Verb, string Args, DateTimeOffset Now)
{
    public IReadOnlyList<string> Words => Args.Split(' ', StringSplitOptions.RemoveEmptyEntries);
}
