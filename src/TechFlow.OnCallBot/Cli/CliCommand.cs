using System.CommandLine;

namespace TechFlow.OnCallBot.Cli;

/// <summary>A CLI command and what it does to the store.</summary>
internal sealed class CliCommand(string name, string description, CliAccess access) : Command(name, description)
{
    public CliAccess Access { get; } = access;

    /// <summary>Whether a running host may run it for the CLI (<c>POST /admin/cli</c>).</summary>
    public bool RunsInHost => Access is CliAccess.Read or CliAccess.Team;
}

/// <summary>What a CLI command does to the store, which decides what happens when a host holds it.</summary>
internal enum CliAccess
{
    /// <summary>Answers from the store (ask, schedule): through the host when one holds it.</summary>
    Read,

    /// <summary>Changes the team (reseed): through the host when one holds it, so the running bot sees it at once.</summary>
    Team,

    /// <summary>Copies the store: asks the host for a consistent copy when one holds it.</summary>
    Backup,

    /// <summary>Replaces the store's file: refused while a host holds it; never opens the store first.</summary>
    Restore,

    /// <summary>Opens stores of its own (migrate-store), never the configured one.</summary>
    Standalone,
}
