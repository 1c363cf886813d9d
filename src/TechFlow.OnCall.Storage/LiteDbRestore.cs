using LiteDB;

namespace TechFlow.OnCall.Storage;

/// <summary>Replaces a store's file with a verified backup, only while no other process holds the store.</summary>
public static class LiteDbRestore
{
    /// <summary>
    /// Restores <paramref name="source"/> into <paramref name="storePath"/>. The replaced store is kept beside it
    /// (<c>&lt;store&gt;.before-restore-&lt;stamp&gt;</c>, returned) after a checkpoint, so a mistaken restore can be undone.
    /// </summary>
    /// <exception cref="StoreInUseException">A host (or another CLI) holds the store: nothing changes.</exception>
    /// <exception cref="StoreBackupException">The source is not a readable store or the copy did not verify: the store is unchanged.</exception>
    /// <exception cref="StoreSchemaTooNewException">The source was written by a newer build.</exception>
    public static (StoreCounts Counts, string? Replaced) Restore(string source, string storePath, LiteDbSchema schema, TimeProvider time)
    {
        if (string.Equals(Path.GetFullPath(source), Path.GetFullPath(storePath), StringComparison.Ordinal))
        {
            throw new StoreBackupException($"{source} is the store itself; restore from a backup file");
        }

        using var held = LiteDbStoreLock.Acquire(storePath);
        var (counts, version) = LiteDbBackup.Inspect(source);
        if (version > schema.Current)
        {
            throw new StoreSchemaTooNewException(
                $"{source} has schema version {version}, newer than this build understands ({schema.Current}); restore it with the newer build");
        }

        var incoming = storePath + ".restoring";
        File.Copy(source, incoming, overwrite: true);
        try
        {
            LiteDbBackup.Verify(incoming, counts);
            string? replaced = null;
            if (File.Exists(storePath))
            {
                using (var current = new LiteDatabase(new ConnectionString { Filename = storePath, Connection = ConnectionType.Direct }))
                {
                    current.Checkpoint();
                }

                replaced = $"{storePath}.before-restore-{time.GetUtcNow():yyyyMMddTHHmmssZ}";
                File.Move(storePath, replaced);
            }

            File.Delete(LiteDbBackup.LogFileFor(storePath));
            File.Move(incoming, storePath);
            LiteDbBackup.Verify(storePath, counts);
            return (counts, replaced);
        }
        finally
        {
            File.Delete(incoming);
        }
    }
}
