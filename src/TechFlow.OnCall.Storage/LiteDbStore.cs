using LiteDB;
using TechFlow.OnCall.Core.Storage;

namespace TechFlow.OnCall.Storage;

/// <summary>
/// <see cref="IOnCallStore"/> over one LiteDB file (or memory). Collections are named after the record type.
/// </summary>
/// <remarks>
/// LiteDB is thread-safe for reads on a shared instance. Writes go through <see cref="Write{T}"/>, which holds a
/// process-wide lock and one LiteDB transaction, so a unit of work is atomic and serialised. A unit of work that
/// tries to start another (directly, or through a service that captured the store) gets an exception instead of
/// silently committing the outer work early.
/// </remarks>
public sealed class LiteDbStore : IOnCallStore, IDisposable
{
    private readonly LiteDatabase _db;
    private readonly Lock _writeLock = new();
    private bool _disposed;
    private readonly Dictionary<Type, object> _repositories = [];
    private readonly Lock _repositoriesLock = new();
    private LiteDbTransaction? _current;

    public LiteDbStore(string path)
        : this(path, null)
    {
    }

    /// <param name="path">The LiteDB file, or <c>:memory:</c>.</param>
    /// <param name="storeLock">The OS lock this process holds on the file; released when the store is disposed.</param>
    public LiteDbStore(string path, LiteDbStoreLock? storeLock)
    {
        Path = path;
        Lock = storeLock;
        if (path != ":memory:")
        {
            var directory = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path));
            if (!string.IsNullOrEmpty(directory))
            {
                Directory.CreateDirectory(directory);
            }
        }

        _db = new LiteDatabase(new ConnectionString { Filename = path, Connection = ConnectionType.Direct }, LiteDbMapper.Create());
    }

    public event Action<StoreCommit>? Committed;

    public bool InUnitOfWork => _writeLock.IsHeldByCurrentThread;

    /// <remarks>True: the file is held by this process alone (the store lock), and every unit of work runs here.</remarks>
    public bool SeesEveryCommit => true;

    /// <summary>The LiteDB file (or <c>:memory:</c>).</summary>
    public string Path { get; }

    /// <summary>The OS lock held on the file, when this store was opened through <see cref="LiteDbStoreOpener"/>.</summary>
    public LiteDbStoreLock? Lock { get; }

    /// <summary>The schema version the file records (see <see cref="LiteDbSchema"/>).</summary>
    public int SchemaVersion => _db.UserVersion;

    /// <summary>The data file and its log, in bytes (0 in memory).</summary>
    public long SizeBytes => Path == ":memory:" ? 0 : FileSize(Path) + FileSize(LiteDbBackup.LogFileFor(Path));

    /// <summary>
    /// Whether a unit of work could start within <paramref name="timeout"/> and the store answers a read; otherwise
    /// <paramref name="problem"/> says why (a unit of work holding the write lock, a file gone or unreadable).
    /// </summary>
    public bool TryProbe(TimeSpan timeout, out string problem)
    {
        if (Path != ":memory:" && !File.Exists(Path))
        {
            problem = $"{Path} no longer exists";
            return false;
        }

        if (!_writeLock.TryEnter(timeout))
        {
            problem = $"a unit of work has held the write lock for more than {timeout.TotalSeconds:0.#} s";
            return false;
        }

        try
        {
            _ = _db.UserVersion;
            _ = _db.GetCollectionNames().FirstOrDefault();
            problem = "";
            return true;
        }
        catch (Exception ex) when (ex is LiteException or IOException or UnauthorizedAccessException)
        {
            problem = ex.Message;
            return false;
        }
        finally
        {
            _writeLock.Exit();
        }
    }

    public IRepository<T> Set<T>() where T : class
    {
        lock (_repositoriesLock)
        {
            if (!_repositories.TryGetValue(typeof(T), out var repository))
            {
                repository = new LiteDbRepository<T>(_db.GetCollection<T>(typeof(T).Name), this);
                _repositories[typeof(T)] = repository;
            }

            return (IRepository<T>)repository;
        }
    }

    public T Write<T>(Func<IStoreTransaction, T> work)
    {
        if (_writeLock.IsHeldByCurrentThread)
        {
            throw new InvalidOperationException("A unit of work cannot start another: use the transaction it was given.");
        }

        T result;
        LiteDbTransaction tx;
        lock (_writeLock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            _db.BeginTrans();
            tx = new LiteDbTransaction(this);
            _current = tx;
            try
            {
                result = work(tx);
                _db.Commit();
            }
            catch
            {
                _db.Rollback();
                throw;
            }
            finally
            {
                tx.Close();
                _current = null;
            }
        }

        if (tx.Changed.Count > 0)
        {
            Committed?.Invoke(new StoreCommit(tx.Changed));
        }

        return result;
    }

    /// <summary>The names of the collections in the file (one per record type stored).</summary>
    public IReadOnlyList<string> CollectionNames() => [.. _db.GetCollectionNames()];

    /// <summary>Forces the log into the data file (a checkpoint).</summary>
    public void Checkpoint() => _db.Checkpoint();

    /// <summary>
    /// Waits for a unit of work in progress (a background job's, during shutdown) before closing the file, so the
    /// log never ends in a half-written page; a unit of work started after this throws <see cref="ObjectDisposedException"/>.
    /// </summary>
    public void Dispose()
    {
        lock (_writeLock)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            _db.Dispose();
        }

        Lock?.Dispose();
    }

    /// <summary>Runs <paramref name="work"/> on the database while holding the write lock: no unit of work runs meanwhile.</summary>
    internal T Exclusive<T>(Func<LiteDatabase, T> work)
    {
        lock (_writeLock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            return work(_db);
        }
    }

    private static long FileSize(string file)
    {
        var info = new FileInfo(file);
        return info.Exists ? info.Length : 0;
    }

    /// <summary>Called before every change: refuses changes outside a unit of work and records the type changed.</summary>
    internal void Changing<T>()
    {
        if (!_writeLock.IsHeldByCurrentThread || _current is null)
        {
            throw new InvalidOperationException($"{typeof(T).Name} changed outside a unit of work: use IOnCallStore.Write.");
        }

        _current.Changed.Add(typeof(T));
    }
}
