using LiteDB;

namespace TechFlow.OnCall.Storage;

/// <summary>
/// Consistent copies of a LiteDB store: a backup checkpoints the log into the data file and copies it while holding
/// the store's write lock (so no unit of work is half in it), then checks the copy opens with the same counts.
/// </summary>
public static class LiteDbBackup
{
    /// <summary>LiteDB 5 writes this text at byte 32 of every data file.</summary>
    private const int HeaderOffset = 32;

    private static ReadOnlySpan<byte> HeaderMarker => "** This is a LiteDB file **"u8;

    /// <summary>Writes a verified copy of <paramref name="store"/> to <paramref name="destination"/>; returns its counts.</summary>
    /// <exception cref="StoreBackupException">The copy did not open, or its counts differ; the destination is untouched.</exception>
    public static StoreCounts Backup(LiteDbStore store, string destination)
    {
        if (store.Path == ":memory:")
        {
            throw new StoreBackupException("an in-memory store (:memory:) has no file to back up");
        }

        var full = Path.GetFullPath(destination);
        if (string.Equals(full, Path.GetFullPath(store.Path), StringComparison.Ordinal))
        {
            throw new StoreBackupException($"{destination} is the store itself; back up to another file");
        }

        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var partial = $"{full}.partial-{Guid.NewGuid():N}";
        try
        {
            var counts = store.Exclusive(db =>
            {
                db.Checkpoint();
                var counted = Count(db);
                File.Copy(store.Path, partial, overwrite: true);
                return counted;
            });
            Verify(partial, counts);
            File.Move(partial, full, overwrite: true);
            return counts;
        }
        finally
        {
            File.Delete(partial);
        }
    }

    /// <summary>
    /// Counts the records of the LiteDB store in <paramref name="file"/> and reads its schema version, without ever
    /// writing to it: the file must carry LiteDB's header, and it is opened as a private copy (LiteDB "repairs" files
    /// it cannot read, even read-only). Throws <see cref="StoreBackupException"/> when it is not a LiteDB store.
    /// </summary>
    public static (StoreCounts Counts, int SchemaVersion) Inspect(string file)
    {
        if (!File.Exists(file))
        {
            throw new StoreBackupException($"{file} does not exist");
        }

        if (!HasLiteDbHeader(file))
        {
            throw new StoreBackupException($"{file} is not a LiteDB store (no LiteDB header)");
        }

        var copy = Path.Combine(Path.GetTempPath(), $"oncall-inspect-{Guid.NewGuid():N}.db");
        try
        {
            File.Copy(file, copy);
            using var db = new LiteDatabase(new ConnectionString { Filename = copy, Connection = ConnectionType.Direct, ReadOnly = true });
            return (Count(db), db.UserVersion);
        }
        catch (Exception ex) when (ex is LiteException or IOException or InvalidCastException or ArgumentException or NotSupportedException or InvalidOperationException)
        {
            throw new StoreBackupException($"{file} is not a readable LiteDB store: {ex.Message}", ex);
        }
        finally
        {
            File.Delete(copy);
            File.Delete(LogFileFor(copy));
        }
    }

    /// <summary>Checks <paramref name="file"/> opens and holds exactly <paramref name="expected"/>.</summary>
    public static void Verify(string file, StoreCounts expected)
    {
        var (actual, _) = Inspect(file);
        var differences = actual.Differences(expected);
        if (differences.Count > 0)
        {
            throw new StoreBackupException($"the copy at {file} does not match the store ({string.Join("; ", differences)})");
        }
    }

    /// <summary>The LiteDB log file beside a data file (<c>oncall.db</c> → <c>oncall-log.db</c>).</summary>
    public static string LogFileFor(string path) =>
        Path.Combine(Path.GetDirectoryName(path) ?? "", Path.GetFileNameWithoutExtension(path) + "-log" + Path.GetExtension(path));

    private static bool HasLiteDbHeader(string file)
    {
        Span<byte> header = stackalloc byte[HeaderMarker.Length + HeaderOffset];
        using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        return stream.ReadAtLeast(header, header.Length, throwOnEndOfStream: false) == header.Length
            && header[HeaderOffset..].SequenceEqual(HeaderMarker);
    }

    internal static StoreCounts Count(LiteDatabase db) =>
        new(db.GetCollectionNames().ToDictionary(name => name, name => db.GetCollection(name).Count(), StringComparer.Ordinal));
}
