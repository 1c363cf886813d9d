using TechFlow.OnCall.Core.Calendar;
using TechFlow.OnCall.Core.Conversation.Commands;
using TechFlow.OnCall.Core.Roster;
using TechFlow.OnCall.Core.Storage;

namespace TechFlow.OnCall.Core.Conversation;

/// <summary>
/// The one entry point for every front end: text goes to <see cref="AskAsync"/>, button presses to
/// <see cref="ActAsync"/>. A user never sees an exception: failures become an error reply.
/// </summary>
public sealed class ConversationService
{
    /// <summary>The answer when the store cannot be reached (for example PostgreSQL is down).</summary>
    public const string StoreUnavailableMessage =
        "The on-call database is not answering right now, so nothing was read or changed. Please try again in a minute.";

    private readonly Dictionary<string, ICommandHandler> _byVerb = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, IActionHandler> _byAction = new(StringComparer.Ordinal);
    private readonly OnCallLookupHandler _lookup;
    private readonly QuestionInterpreter _interpreter;
    private readonly RosterService _roster;
    private readonly TeamClock _clock;
    private readonly Action<Exception>? _onError;

    public ConversationService(
        IEnumerable<ICommandHandler> handlers,
        IEnumerable<IActionHandler> actions,
        OnCallLookupHandler lookup,
        QuestionInterpreter interpreter,
        RosterService roster,
        TeamClock clock,
        Action<Exception>? onError = null)
    {
        foreach (var handler in handlers)
        {
            foreach (var verb in handler.Verbs)
            {
                _byVerb[verb] = handler;
            }
        }

        foreach (var handler in actions)
        {
            foreach (var id in handler.ActionIds)
            {
                _byAction[id] = handler;
            }
        }

        _lookup = lookup;
        _interpreter = interpreter;
        _roster = roster;
        _clock = clock;
        _onError = onError;
    }

    /// <summary>Every action id some handler answers (front ends and convention tests use it).</summary>
    public IReadOnlyCollection<string> ActionIds => _byAction.Keys;

    /// <summary>The longest text read (Slack's own limit for a slash command's text); longer text gets a clear answer.</summary>
    public const int MaxTextLength = 4000;

    /// <summary>
    /// Whether <paramref name="text"/> goes to the on-call lookup (<c>oncall</c>, <c>oncall at …</c>,
    /// <c>oncall &lt;pipeline&gt; [when]</c>): an answer that changes nothing and reads only the read model, the
    /// pipelines and the clock, never who asked, so front ends may memoise it.
    /// </summary>
    public bool IsLookup(string text)
    {
        if (text.Length > MaxTextLength)
        {
            return false;
        }

        var (command, _) = _interpreter.Interpret(text);
        var space = command.IndexOf(' ', StringComparison.Ordinal);
        var verb = space < 0 ? command : command[..space];
        return !_byVerb.TryGetValue(verb, out var handler) || ReferenceEquals(handler, _lookup);
    }

    public async ValueTask<Reply> AskAsync(BotInput input, CancellationToken cancellationToken = default)
    {
        if (input.Text.Length > MaxTextLength)
        {
            return Reply.Error(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"That is {input.Text.Length:N0} characters long; I read at most {MaxTextLength:N0}. Nothing was changed. Please ask again with less text (try `help`)."));
        }

        var (command, isPublic) = _interpreter.Interpret(input.Text, input.FrontEnd);
        var space = command.IndexOf(' ', StringComparison.Ordinal);
        var verb = space < 0 ? command : command[..space];
        var args = space < 0 ? "" : command[(space + 1)..].Trim();
        var now = input.At ?? _clock.Now;
        try
        {
            var engineer = _roster.Find(input.EngineerId);
            var reply = _byVerb.TryGetValue(verb, out var handler)
                ? await handler.HandleAsync(new CommandContext(input, engineer, verb.ToLowerInvariant(), args, now), cancellationToken)
                : await _lookup.HandleAsync(new CommandContext(input, engineer, "", command, now), cancellationToken);
            return isPublic ? reply with { InChannel = true } : reply;
        }
        catch (StoreUnavailableException ex)
        {
            _onError?.Invoke(ex);
            return Reply.Error(StoreUnavailableMessage);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            _onError?.Invoke(ex);
            return Reply.Error("Something went wrong while answering that. Nothing was changed; please try again.");
        }
    }

    public async ValueTask<ActionResult> ActAsync(BotInput input, CancellationToken cancellationToken = default)
    {
        if (input.Action is not { } action || !_byAction.TryGetValue(action.ActionId, out var handler))
        {
            return new ActionResult(null, "That button is not one I know. Nothing was changed.");
        }

        var now = input.At ?? _clock.Now;
        try
        {
            var engineer = _roster.Find(input.EngineerId);
            return await handler.HandleAsync(new CommandContext(input, engineer, action.ActionId, action.Value, now), action, cancellationToken);
        }
        catch (StoreUnavailableException ex)
        {
            _onError?.Invoke(ex);
            return new ActionResult(null, StoreUnavailableMessage);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            _onError?.Invoke(ex);
            return new ActionResult(null, "Something went wrong with that button. Nothing was changed; please try again.");
        }
    }
}
