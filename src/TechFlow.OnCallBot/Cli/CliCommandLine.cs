using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Parsing;

namespace TechFlow.OnCallBot.Cli;

/// <summary>
/// The CLI's command tree (System.CommandLine) and how a command line runs on it: help, a usage error in the CLI's
/// own words (exit code 2), or the command's action.
/// </summary>
internal static class CliCommandLine
{
    /// <summary>The name help shows for the program.</summary>
    public const string ProgramName = "TechFlow.OnCallBot";

    private const string Description =
        "The TechFlow on-call bot. Without a command it starts the host; a command runs without the web server and exits. "
        + "Configuration keys can be given anywhere on the command line, as the host takes them: --Store:Path=/tmp/oncall.db. "
        + "Exit codes: 0 done, 1 failed, 2 bad arguments, 3 the store is in use or was written by a newer build.";

    /// <summary>Arguments are taken as written: an <c>@</c> starts a mention in a question, never a response file.</summary>
    private static readonly ParserConfiguration Parsing = new() { ResponseFileTokenReplacer = null };

    /// <summary>The commands, in the order help and the usage line list them, each running in <paramref name="session"/>.</summary>
    public static RootCommand Build(CliSession session)
    {
        var root = new RootCommand(Description) { HelpName = ProgramName };
        root.Options.Remove(root.Options.OfType<VersionOption>().Single());
        root.Directives.Clear();
        root.Subcommands.Add(CliApp.CreateAsk(session));
        root.Subcommands.Add(CliApp.CreateReseed(session));
        root.Subcommands.Add(ScheduleCommand.Create(session));
        root.Subcommands.Add(StoreCommands.CreateBackup(session));
        root.Subcommands.Add(StoreCommands.CreateRestore(session));
        root.Subcommands.Add(MigrateStoreCommand.Create(session));
        return root;
    }

    public static ParseResult Parse(RootCommand root, IReadOnlyList<string> arguments) => root.Parse(arguments, Parsing);

    /// <summary>Prints help (exit 0) or the first usage error (exit 2), or runs the parsed command's action.</summary>
    public static async Task<int> InvokeAsync(ParseResult result, CliSession session)
    {
        var invocation = new InvocationConfiguration
        {
            Output = session.Output,
            Error = session.Errors,
            EnableDefaultExceptionHandler = false,
            ProcessTerminationTimeout = null,
        };
        if (result.Action is HelpAction)
        {
            return await result.InvokeAsync(invocation);
        }

        if (Problem(result) is { } problem)
        {
            await session.Errors.WriteLineAsync(problem);
            return 2;
        }

        return await result.InvokeAsync(invocation);
    }

    /// <summary>
    /// Splits configuration overrides (<c>--Store:Path=x</c> or <c>Store:Path=x</c>) from the command's own arguments;
    /// the overrides go to the host's configuration, as they do for the web host.
    /// </summary>
    public static (string[] Command, string[] Configuration) SplitConfiguration(IReadOnlyList<string> arguments)
    {
        var command = new List<string>();
        var configuration = new List<string>();
        foreach (var argument in arguments)
        {
            var dashed = argument.StartsWith("--", StringComparison.Ordinal);
            if (argument.Contains('=', StringComparison.Ordinal) && (dashed || argument.Contains(':', StringComparison.Ordinal)))
            {
                configuration.Add(dashed ? argument : "--" + argument);
            }
            else
            {
                command.Add(argument);
            }
        }

        return ([.. command], [.. configuration]);
    }

    /// <summary>The first thing wrong with the command line, in the CLI's words, or null when it can run.</summary>
    private static string? Problem(ParseResult result)
    {
        if (result.CommandResult.Command is not CliCommand)
        {
            return $"Unknown command \"{result.Tokens.FirstOrDefault()?.Value}\". {CliApp.Usage}";
        }

        // A word starting with "--" that names none of the command's options: System.CommandLine leaves it unmatched,
        // or hands it to ask's question.
        var loose = result.UnmatchedTokens
            .Concat(result.CommandResult.Children.OfType<ArgumentResult>().SelectMany(a => a.Tokens.Select(t => t.Value)))
            .ToList();
        if (loose.FirstOrDefault(t => t.StartsWith("--", StringComparison.Ordinal)) is { } unknown)
        {
            return $"Unknown option {unknown}. {CliApp.Usage}";
        }

        var empty = result.CommandResult.Children.OfType<OptionResult>()
            .FirstOrDefault(o => !o.Implicit && o.Tokens.Count == 0 && o.Option.Arity.MinimumNumberOfValues > 0);
        if (empty is not null)
        {
            return $"{empty.IdentifierToken?.Value ?? empty.Option.Name} needs a value. {CliApp.Usage}";
        }

        if (result.UnmatchedTokens.Count > 0)
        {
            return $"Unexpected argument \"{result.UnmatchedTokens[0]}\". {CliApp.Usage}";
        }

        return result.Errors.Count > 0 ? result.Errors[0].Message : null;
    }
}
