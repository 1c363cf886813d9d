using Microsoft.Extensions.Options;
using TechFlow.OnCall.Core.Storage;
using TechFlow.OnCall.Storage;
using TechFlow.OnCallBot.Extensions;

namespace TechFlow.OnCallBot.Cli;

/// <summary><c>backup --to FILE</c> and <c>restore --from FILE</c>: verified copies of the LiteDB store.</summary>
internal static class StoreCommands
{
    public const string Usage = "backup --to FILE | restore --from FILE";

    public static CliCommand CreateBackup(CliSession session)
    {
        var to = CliOptions.Text("--to", "FILE", "Where to write the copy (required).");
        var command = new CliCommand("backup", "Writes a verified, consistent copy of the LiteDB store; through the host when one holds it.", CliAccess.Backup) { to };
        CliOptions.Require(command, $"backup needs --to FILE. Usage: {Usage}", to);
        command.SetAction((result, _) =>
        {
            var file = result.GetValue(to)!;
            return session.WithStoreAsync(
                services => BackupAsync(file, services, session.Output, session.Errors),
                (holder, storePath) => HostAdminClient.BackupAsync(holder, file, storePath, session.Output, session.Errors));
        });
        return command;
    }

    public static CliCommand CreateRestore(CliSession session)
    {
        var from = CliOptions.Text("--from", "FILE", "The backup to restore (required).");
        var command = new CliCommand("restore", "Replaces the store with a verified backup; refused while any other process holds the store.", CliAccess.Restore) { from };
        CliOptions.Require(command, $"restore needs --from FILE. Usage: {Usage}", from);
        command.SetAction((result, _) => session.WithoutStoreAsync(services => RestoreAsync(result.GetValue(from)!, services, session.Output, session.Errors)));
        return command;
    }

    /// <summary>Backs up the store this process holds (a running host's is copied by the host: see <see cref="HostAdminClient"/>).</summary>
    private static async Task<int> BackupAsync(string to, IServiceProvider services, TextWriter output, TextWriter errors)
    {
        if (services.GetRequiredService<IOnCallStore>() is not LiteDbStore store)
        {
            await errors.WriteLineAsync("backup works on LiteDB stores; back up other stores with their own tools.");
            return 1;
        }

        try
        {
            var counts = LiteDbBackup.Backup(store, to);
            await output.WriteLineAsync($"Backed up {store.Path} to {to}: {counts}, verified.");
            return 0;
        }
        catch (StoreBackupException ex)
        {
            await errors.WriteLineAsync($"Backup failed: {ex.Message}");
            return 1;
        }
    }

    /// <summary>Replaces the store with a backup; refuses while any other process holds the store.</summary>
    private static async Task<int> RestoreAsync(string from, IServiceProvider services, TextWriter output, TextWriter errors)
    {
        var path = services.GetRequiredService<IOptions<StoreOptions>>().Value.Path;
        if (path == ":memory:")
        {
            await errors.WriteLineAsync("restore needs a store file; Store:Path is :memory:.");
            return 2;
        }

        try
        {
            var (counts, replaced) = LiteDbRestore.Restore(from, path, LiteDbSchema.Default, services.GetRequiredService<TimeProvider>());
            await output.WriteLineAsync($"Restored {path} from {from}: {counts}, verified.");
            if (replaced is not null)
            {
                await output.WriteLineAsync($"The store it replaced is kept at {replaced}.");
            }

            return 0;
        }
        catch (StoreInUseException ex)
        {
            await errors.WriteLineAsync($"{ex.Message}. restore never replaces a store another process has open.");
            return CliApp.StoreUnavailableExitCode;
        }
        catch (StoreSchemaTooNewException ex)
        {
            await errors.WriteLineAsync(ex.Message);
            return CliApp.StoreUnavailableExitCode;
        }
        catch (StoreBackupException ex)
        {
            await errors.WriteLineAsync($"Restore failed, the store is unchanged: {ex.Message}");
            return 1;
        }
    }
}
