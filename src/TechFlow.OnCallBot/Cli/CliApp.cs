using System.CommandLine;
using System.Globalization;
using TechFlow.OnCall.Core.Conversation;
using TechFlow.OnCallBot.Extensions;
using TechFlow.OnCallBot.Seeding;

namespace TechFlow.OnCallBot.Cli;

/// <summary>
/// The command line: <c>ask</c>, <c>schedule</c>, <c>reseed</c>, <c>backup</c>, <c>restore</c> and <c>migrate-store</c>. Runs without the
/// web server and exits. It takes the store's lock like the host does; when a host holds the store, read-only
/// commands, backups and reseed go through the host's admin routes.
/// </summary>
public static class CliApp
{
    /// <summary>The exit code when the store is held by another process or was written by a newer build.</summary>
    public const int StoreUnavailableExitCode = 3;

    /// <summary>The usage line printed with every usage error; <c>--help</c> shows each command and option in full.</summary>
    public const string Usage = "Usage: ask \"TEXT\" [--as USER] [--at ISO-8601] | reseed [--file PATH] [--dry-run] | " + ScheduleCommand.Usage + " | " + StoreCommands.Usage + " | " + MigrateStoreCommand.Usage;

    private static readonly string[] HelpOptions = ["--help", "-h", "-?"];

    /// <summary>Whether <paramref name="args"/> name a CLI command (or ask for its help) rather than configure the web host.</summary>
    public static bool IsCommand(string[] args) =>
        args.Length > 0 && (HelpOptions.Contains(args[0], StringComparer.Ordinal) || (!args[0].StartsWith('-') && !args[0].Contains('=', StringComparison.Ordinal)));

    public static async Task<int> RunAsync(string[] args, TextWriter? stdout = null, TextWriter? stderr = null, Action<IServiceCollection>? configure = null)
    {
        var (command, configuration) = CliCommandLine.SplitConfiguration(args);
        var session = CliSession.Local(args, configuration, stdout ?? Console.Out, stderr ?? Console.Error, configure);
        return await CliCommandLine.InvokeAsync(CliCommandLine.Parse(CliCommandLine.Build(session), command), session);
    }

    /// <summary>Runs a read-only command (<c>ask</c>, <c>schedule</c>) or <c>reseed</c> on a running host's services, for the admin route.</summary>
    public static async Task<int> RunInHostAsync(string[] args, IServiceProvider services, TextWriter output, TextWriter errors)
    {
        var session = CliSession.InHost(args, services, output, errors);
        var result = CliCommandLine.Parse(CliCommandLine.Build(session), CliCommandLine.SplitConfiguration(args).Command);
        if (result.CommandResult.Command is not CliCommand { RunsInHost: true })
        {
            await errors.WriteLineAsync($"\"{args[0]}\" cannot run through the host; only ask, schedule and reseed can.");
            return 2;
        }

        return await CliCommandLine.InvokeAsync(result, session);
    }

    internal static CliCommand CreateAsk(CliSession session)
    {
        var question = new Argument<string[]>("TEXT")
        {
            Arity = ArgumentArity.ZeroOrMore,
            Description = "The question or command, quoted, as you would type it in chat: \"who is on call for Aggregate Profit\", \"/oncall schedule 3 weeks\".",
        };
        var asWho = CliOptions.Text("--as", "USER", "Ask as this engineer on the roster (id or name).");
        var at = CliOptions.Parsed<DateTimeOffset?>("--at", "ISO-8601", "Ask as if it were this moment, for example 2026-11-27T16:59:00-05:00.", text =>
            DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed)
                ? (parsed, null)
                : (null, $"--at \"{text}\" is not an ISO-8601 date-time, for example 2026-11-27T16:59:00-05:00."));
        var command = new CliCommand("ask", "Prints the bot's plain-text answer to a question or command.", CliAccess.Read) { question, asWho, at };
        command.Validators.Add(result =>
        {
            if (result.GetResult(question)?.Tokens is not [var only] || string.IsNullOrWhiteSpace(only.Value))
            {
                result.AddError($"ask needs exactly one quoted question. {Usage}");
            }
        });
        command.SetAction((result, _) => session.WithStoreAsync(
            services => AskAsync(result.GetValue(question)![0], result.GetValue(asWho), result.GetValue(at), services, session.Output, session.Errors),
            session.Forward(session.Arguments)));
        return command;
    }

    internal static CliCommand CreateReseed(CliSession session)
    {
        var file = CliOptions.Text("--file", "PATH", "The team file to merge by id (default: Store:SeedFile).");
        var dryRun = CliOptions.Flag("--dry-run", "List what would change and change nothing.");
        var command = new CliCommand("reseed", "Merges the team file into the store; a bad file changes nothing.", CliAccess.Team) { file, dryRun };
        command.SetAction((result, _) =>
        {
            var path = result.GetValue(file);
            var dry = result.GetValue(dryRun);

            // A host that holds the store reads the file this command meant, whatever its working directory.
            List<string> forward = ["reseed"];
            if (path is not null)
            {
                forward.AddRange("--file", File.Exists(path) ? Path.GetFullPath(path) : path);
            }

            if (dry)
            {
                forward.Add("--dry-run");
            }

            return session.WithStoreAsync(services => ReseedAsync(path, dry, services, session.Output, session.Errors), session.Forward(forward));
        });
        return command;
    }

    private static async Task<int> AskAsync(string question, string? asText, DateTimeOffset? at, IServiceProvider services, TextWriter output, TextWriter errors)
    {
        string? engineerId = null;
        if (asText is not null)
        {
            var engineer = services.GetRequiredService<OnCall.Core.Roster.RosterService>().Resolve(asText);
            if (engineer is null)
            {
                await errors.WriteLineAsync($"--as \"{asText}\" is not an engineer on the roster.");
                return 2;
            }

            engineerId = engineer.Id;
        }

        var conversation = services.GetRequiredService<ConversationService>();
        var reply = await conversation.AskAsync(new BotInput { FrontEnd = LocalFrontEnds.Cli, EngineerId = engineerId, Text = question, At = at });
        await output.WriteAsync(PlainTextRenderer.Render(reply, LocalFrontEnds.Cli.CommandPrefix));
        return reply.Tone == ReplyTone.Error ? 1 : 0;
    }

    private static async Task<int> ReseedAsync(string? path, bool dryRun, IServiceProvider services, TextWriter output, TextWriter errors)
    {
        var file = path ?? services.GetRequiredService<Microsoft.Extensions.Options.IOptions<StoreOptions>>().Value.SeedFile;
        var lines = services.GetRequiredService<TeamSeeder>().Load(file, dryRun);
        foreach (var line in lines)
        {
            await output.WriteLineAsync($"  {line}");
        }

        if (dryRun)
        {
            await output.WriteLineAsync(lines.Count == 0 ? $"{file} matches the store; nothing would change." : $"Dry run: nothing was changed. Run reseed without --dry-run to apply {file}.");
            return 0;
        }

        services.GetRequiredService<OnCall.Core.Schedule.ScheduleService>().EnsurePlanned();
        await output.WriteLineAsync($"Loaded the team from {file}; learned Slack and Teams identities, history, overrides and time off were kept.");
        return 0;
    }
}
