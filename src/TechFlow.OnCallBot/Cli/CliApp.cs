using System.Globalization;
using TechFlow.OnCall.Core.Conversation;
using TechFlow.OnCall.Core.Storage;
using TechFlow.OnCall.Storage;
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

    private static readonly Dictionary<string, CliCommand> Commands = new(StringComparer.Ordinal)
    {
        ["ask"] = new(AskAsync, CliAccess.Read),
        ["schedule"] = new(ScheduleCommand.RunAsync, CliAccess.Read),
        ["reseed"] = new(ReseedAsync, CliAccess.Team),
        ["backup"] = new(StoreCommands.BackupAsync, CliAccess.Backup),
        ["restore"] = new(StoreCommands.RestoreAsync, CliAccess.Restore),
    };

    /// <summary>Commands that open stores of their own instead of the configured one.</summary>
    private static readonly Dictionary<string, Func<CliArguments, TextWriter, TextWriter, Task<int>>> Standalone = new(StringComparer.Ordinal)
    {
        ["migrate-store"] = MigrateStoreCommand.RunAsync,
    };

    public static bool IsCommand(string[] args) => args.Length > 0 && !args[0].StartsWith('-') && !args[0].Contains('=', StringComparison.Ordinal);

    public static async Task<int> RunAsync(string[] args, TextWriter? stdout = null, TextWriter? stderr = null, Action<IServiceCollection>? configure = null)
    {
        var output = stdout ?? Console.Out;
        var errors = stderr ?? Console.Error;
        if (!Commands.TryGetValue(args[0], out var command) && !Standalone.ContainsKey(args[0]))
        {
            await errors.WriteLineAsync($"Unknown command \"{args[0]}\". {Usage}");
            return 2;
        }

        if (!CliArguments.TryParse(args[1..], out var parsed, out var error))
        {
            await errors.WriteLineAsync($"{error} {Usage}");
            return 2;
        }

        if (Standalone.TryGetValue(args[0], out var standalone))
        {
            return await standalone(parsed, output, errors);
        }

        ArgumentNullException.ThrowIfNull(command);

        var builder = Host.CreateApplicationBuilder(parsed.Settings);
        builder.Logging.ClearProviders();
        builder.Services.AddOnCallCore(builder.Configuration).AddOnCallStore(builder.Configuration);
        configure?.Invoke(builder.Services);
        using var host = builder.Build();
        if (command.Access == CliAccess.Restore)
        {
            return await command.Run(parsed, host.Services, output, errors);
        }

        try
        {
            host.Services.PrepareStore();
        }
        catch (StoreInUseException ex) when (ex.Holder is { AdminUrl: not null, AdminToken: not null } holder)
        {
            return command.Access == CliAccess.Backup
                ? await HostAdminClient.BackupAsync(holder, parsed, ex.StorePath, output, errors)
                : await HostAdminClient.RunAsync(holder, command.Access == CliAccess.Team ? WithFullFilePath(args) : args, ex.StorePath, output, errors);
        }
        catch (StoreUnavailableException ex)
        {
            await errors.WriteLineAsync(ex.Message);
            return StoreUnavailableExitCode;
        }

        return await RunCommandAsync(command, parsed, host.Services, output, errors);
    }

    /// <summary>Runs a read-only command (<c>ask</c>, <c>schedule</c>) or <c>reseed</c> on a running host's services, for the admin route.</summary>
    public static async Task<int> RunInHostAsync(string[] args, IServiceProvider services, TextWriter output, TextWriter errors)
    {
        if (!Commands.TryGetValue(args[0], out var command) || command.Access is not (CliAccess.Read or CliAccess.Team))
        {
            await errors.WriteLineAsync($"\"{args[0]}\" cannot run through the host; only ask, schedule and reseed can.");
            return 2;
        }

        if (!CliArguments.TryParse(args[1..], out var parsed, out var error))
        {
            await errors.WriteLineAsync($"{error} {Usage}");
            return 2;
        }

        return await RunCommandAsync(command, parsed, services, output, errors);
    }

    public const string Usage = "Usage: ask \"TEXT\" [--as USER] [--at ISO-8601] | reseed [--file PATH] [--dry-run] | " + ScheduleCommand.Usage + " | " + StoreCommands.Usage + " | " + MigrateStoreCommand.Usage;

    private static async Task<int> RunCommandAsync(CliCommand command, CliArguments parsed, IServiceProvider services, TextWriter output, TextWriter errors)
    {
        try
        {
            return await command.Run(parsed, services, output, errors);
        }
        catch (TeamFileException ex)
        {
            await errors.WriteLineAsync(ex.Message);
            return 1;
        }
    }

    /// <summary>The arguments with <c>--file</c> made absolute, so the host reads the file this command meant.</summary>
    private static string[] WithFullFilePath(string[] args)
    {
        var copy = (string[])args.Clone();
        var at = Array.IndexOf(copy, "--file");
        if (at >= 0 && at + 1 < copy.Length && File.Exists(copy[at + 1]))
        {
            copy[at + 1] = Path.GetFullPath(copy[at + 1]);
        }

        return copy;
    }

    private static async Task<int> AskAsync(CliArguments args, IServiceProvider services, TextWriter output, TextWriter errors)
    {
        if (args.Positional.Count != 1 || string.IsNullOrWhiteSpace(args.Positional[0]))
        {
            await errors.WriteLineAsync($"ask needs exactly one quoted question. {Usage}");
            return 2;
        }

        DateTimeOffset? at = null;
        if (args.Options.TryGetValue("at", out var atText))
        {
            if (!DateTimeOffset.TryParse(atText, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
            {
                await errors.WriteLineAsync($"--at \"{atText}\" is not an ISO-8601 date-time, for example 2026-11-27T16:59:00-05:00.");
                return 2;
            }

            at = parsed;
        }

        string? engineerId = null;
        if (args.Options.TryGetValue("as", out var asText))
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
        var reply = await conversation.AskAsync(new BotInput { FrontEnd = LocalFrontEnds.Cli, EngineerId = engineerId, Text = args.Positional[0], At = at });
        await output.WriteAsync(PlainTextRenderer.Render(reply, LocalFrontEnds.Cli.CommandPrefix));
        return reply.Tone == ReplyTone.Error ? 1 : 0;
    }

    private static async Task<int> ReseedAsync(CliArguments args, IServiceProvider services, TextWriter output, TextWriter errors)
    {
        var file = args.Options.GetValueOrDefault("file") ?? services.GetRequiredService<Microsoft.Extensions.Options.IOptions<StoreOptions>>().Value.SeedFile;
        var dryRun = args.Options.ContainsKey("dry-run");
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
