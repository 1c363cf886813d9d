using System.Globalization;
using TechFlow.OnCall.Core.Conversation;
using TechFlow.OnCallBot.Extensions;
using TechFlow.OnCallBot.Seeding;

namespace TechFlow.OnCallBot.Cli;

/// <summary>
/// The command line: <c>ask "TEXT" [--as USER] [--at ISO-8601]</c>, <c>reseed [--file PATH]</c>, <c>schedule</c> and
/// <c>migrate-store</c>.
/// Runs without the web server and exits.
/// </summary>
public static class CliApp
{
    private static readonly Dictionary<string, Func<CliArguments, IServiceProvider, TextWriter, TextWriter, Task<int>>> Commands = new(StringComparer.Ordinal)
    {
        ["ask"] = AskAsync,
        ["reseed"] = ReseedAsync,
        ["schedule"] = ScheduleCommand.RunAsync,
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
        host.Services.PrepareStore();
        try
        {
            return await command(parsed, host.Services, output, errors);
        }
        catch (TeamFileException ex)
        {
            await errors.WriteLineAsync(ex.Message);
            return 1;
        }
    }

    public const string Usage = "Usage: ask \"TEXT\" [--as USER] [--at ISO-8601] | reseed [--file PATH] | " + ScheduleCommand.Usage + " | " + MigrateStoreCommand.Usage;

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
        var reply = await conversation.AskAsync(new BotInput { Platform = "cli", EngineerId = engineerId, Text = args.Positional[0], At = at });
        await output.WriteAsync(PlainTextRenderer.Render(reply));
        return reply.Tone == ReplyTone.Error ? 1 : 0;
    }

    private static async Task<int> ReseedAsync(CliArguments args, IServiceProvider services, TextWriter output, TextWriter errors)
    {
        var file = args.Options.GetValueOrDefault("file") ?? services.GetRequiredService<Microsoft.Extensions.Options.IOptions<StoreOptions>>().Value.SeedFile;
        services.GetRequiredService<TeamSeeder>().Load(file);
        services.GetRequiredService<OnCall.Core.Schedule.ScheduleService>().EnsurePlanned();
        await output.WriteLineAsync($"Loaded the team from {file}.");
        return 0;
    }
}
