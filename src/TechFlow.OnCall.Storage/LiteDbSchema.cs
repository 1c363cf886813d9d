using LiteDB;

namespace TechFlow.OnCall.Storage;

/// <summary>
/// The schema version a LiteDB store records (LiteDB's <c>UserVersion</c>) and the steps from each older version.
/// A store made before versions were recorded reads 0.
/// </summary>
public sealed class LiteDbSchema(int current, IReadOnlyList<LiteDbMigration> migrations)
{
    /// <summary>This build's schema.</summary>
    public static LiteDbSchema Default { get; } = new(1,
    [
        // Version 1 only starts recording the version: its collections and records are those of version 0.
        new LiteDbMigration(0, "record the schema version", _ => { }),
    ]);

    public int Current { get; } = current;

    /// <summary>
    /// Brings an opened store to <see cref="Current"/>: stamps a new one, migrates an older one after backing it up
    /// beside itself, and refuses a newer one (<see cref="StoreSchemaTooNewException"/>, nothing changed).
    /// </summary>
    public void Prepare(LiteDbStore store, bool isNew, TimeProvider time, Action<string> log)
    {
        var version = store.SchemaVersion;
        if (version > Current)
        {
            throw new StoreSchemaTooNewException(
                $"the store {store.Path} has schema version {version}, newer than this build understands ({Current}); " +
                "run the newer build, or restore a backup made for this one with restore --from FILE");
        }

        if (version == Current)
        {
            return;
        }

        if (isNew)
        {
            store.Exclusive(db => db.UserVersion = Current);
            return;
        }

        if (store.Path != ":memory:")
        {
            var backup = BackupPath(store.Path, version, time);
            var counts = LiteDbBackup.Backup(store, backup);
            log($"Backed up {store.Path} (schema {version}, {counts}) to {backup} before migrating it");
        }

        for (var from = version; from < Current; from++)
        {
            var step = migrations.SingleOrDefault(m => m.From == from)
                ?? throw new InvalidOperationException($"No LiteDB migration from schema version {from}.");
            store.Exclusive(db =>
            {
                db.BeginTrans();
                try
                {
                    step.Apply(db);
                    db.Commit();
                }
                catch
                {
                    db.Rollback();
                    throw;
                }

                db.UserVersion = from + 1;
                return true;
            });
            log($"Migrated {store.Path} from schema {from} to {from + 1}: {step.Description}");
        }
    }

    private static string BackupPath(string path, int version, TimeProvider time)
    {
        var candidate = $"{path}.v{version}.bak";
        return File.Exists(candidate)
            ? $"{path}.v{version}-{time.GetUtcNow():yyyyMMddTHHmmssZ}.bak"
            : candidate;
    }

    /// <summary>Whether a LiteDB database holds no collections yet.</summary>
    internal static bool IsEmpty(LiteDatabase db) => !db.GetCollectionNames().Any();
}
