using System.Text;

namespace TechFlow.OnCall.Storage;

/// <summary>
/// An exclusive OS lock on a store: a byte-range lock on <c>&lt;store&gt;.lock</c> beside the LiteDB file, held for as
/// long as the store is open, with the holder's <see cref="StoreLockInfo"/> written in the file. The OS drops the lock
/// when the process dies, so a crash never leaves the store locked.
/// </summary>
/// <remarks>
/// POSIX record locks belong to the process and are dropped when any of its handles on the file closes, so this
/// process never opens the lock file a second time while it holds it: a registry of held paths answers for it.
/// The lock file is never deleted (deleting it would let two processes lock two different files).
/// </remarks>
public sealed class LiteDbStoreLock : IDisposable
{
    /// <summary>The locked byte lies past the text, so readers (and Windows, whose region locks are mandatory) can read it.</summary>
    private const long LockOffset = 1 << 20;

    private static readonly Dictionary<string, LiteDbStoreLock> Held = new(StringComparer.Ordinal);
    private readonly FileStream _file;
    private readonly string _key;

    private LiteDbStoreLock(string storePath, string key, FileStream file)
    {
        StorePath = storePath;
        _key = key;
        _file = file;
        Info = new StoreLockInfo(Environment.ProcessId);
    }

    public string StorePath { get; }

    /// <summary>What this process last published in the lock file.</summary>
    public StoreLockInfo Info { get; private set; }

    public static string LockPathFor(string storePath) => storePath + ".lock";

    /// <summary>Takes the lock, or throws <see cref="StoreInUseException"/> naming the holder. Never touches the store file.</summary>
    public static LiteDbStoreLock Acquire(string storePath)
    {
        var key = Path.GetFullPath(storePath);
        lock (Held)
        {
            if (Held.TryGetValue(key, out var mine))
            {
                throw new StoreInUseException(storePath, mine.Info);
            }

            var lockPath = LockPathFor(key);
            var directory = Path.GetDirectoryName(lockPath);
            if (!string.IsNullOrEmpty(directory))
            {
                Directory.CreateDirectory(directory);
            }

            FileStream file;
            try
            {
                file = Open(lockPath);
            }
            catch (IOException)
            {
                throw new StoreInUseException(storePath, ReadHolder(lockPath));
            }

            var acquired = new LiteDbStoreLock(storePath, key, file);
            Held[key] = acquired;
            acquired.Publish(acquired.Info);
            return acquired;
        }
    }

    /// <summary>Replaces what the lock file says about this holder (for example once the admin routes listen); ignored once released.</summary>
    public void Publish(StoreLockInfo info)
    {
        lock (Held)
        {
            if (!Held.ContainsKey(_key))
            {
                return;
            }

            Info = info;
            var bytes = Encoding.UTF8.GetBytes(info.ToJson());
            _file.SetLength(0);
            _file.Position = 0;
            _file.Write(bytes);
            _file.Flush(flushToDisk: true);
        }
    }

    public void Dispose()
    {
        lock (Held)
        {
            if (!Held.Remove(_key))
            {
                return;
            }

            _file.SetLength(0);
            _file.Flush();
            if (!OperatingSystem.IsMacOS())
            {
                _file.Unlock(LockOffset, 1);
            }

            _file.Dispose();
        }
    }

    private static StoreLockInfo? ReadHolder(string lockPath)
    {
        // The holder may be rewriting the file: a few quick tries before settling for "another process".
        for (var attempt = 0; attempt < 5; attempt++)
        {
            try
            {
                using var stream = new FileStream(lockPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
                using var reader = new StreamReader(stream, Encoding.UTF8);
                if (StoreLockInfo.Parse(reader.ReadToEnd()) is { } info)
                {
                    return info;
                }
            }
            catch (IOException)
            {
            }
            catch (UnauthorizedAccessException)
            {
                return null;
            }

            Thread.Sleep(20);
        }

        return null;
    }

    /// <summary>
    /// Opens the lock file and locks it: a byte-range lock on Linux and Windows; on macOS, where .NET has no range
    /// locks, an exclusive open (flock), so there the holder's details cannot be read and it is "another process".
    /// </summary>
    private static FileStream Open(string lockPath)
    {
        var options = new FileStreamOptions
        {
            Mode = FileMode.OpenOrCreate,
            Access = FileAccess.ReadWrite,
            Share = OperatingSystem.IsMacOS() ? FileShare.None : FileShare.ReadWrite | FileShare.Delete,
        };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        var file = new FileStream(lockPath, options);
        if (OperatingSystem.IsMacOS())
        {
            return file;
        }

        try
        {
            file.Lock(LockOffset, 1);
            return file;
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }
}
