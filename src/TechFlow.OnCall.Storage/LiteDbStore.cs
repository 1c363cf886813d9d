using LiteDB;
using TechFlow.OnCall.Core.Storage;

namespace TechFlow.OnCall.Storage;

/// <summary>
/// <see cref="IOnCallStore"/> over one LiteDB file (or memory). Collections are named after the record type.
/// </summary>
/// <remarks>
/// LiteDB is thread-safe for reads on a shared instance. Writes go through <see cref="Write{T}"/>, which holds a
/// process-wide lock and one LiteDB transaction, so a unit of work is atomic and serialised.
/// </remarks>
public sealed class LiteDbStore : IOnCallStore, IDisposable
{
    private readonly LiteDatabase _db;
    private readonly Lock _writeLock = new();
    private readonly Dictionary<Type, object> _repositories = [];
    private readonly Lock _repositoriesLock = new();

    public LiteDbStore(string path)
    {
        if (path != ":memory:")
        {
            var directory = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path));
            if (!string.IsNullOrEmpty(directory))
            {
                Directory.CreateDirectory(directory);
            }
        }

        var mapper = new BsonMapper { EnumAsInteger = false };
        mapper.RegisterType(
            serialize: (DateOnly d) => new BsonValue(d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)),
            deserialize: b => DateOnly.ParseExact(b.AsString, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        mapper.RegisterType(
            serialize: (TimeOnly t) => new BsonValue(t.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture)),
            deserialize: b => TimeOnly.ParseExact(b.AsString, "HH:mm", System.Globalization.CultureInfo.InvariantCulture));
        mapper.RegisterType(
            serialize: (TimeSpan t) => new BsonValue(t.Ticks),
            deserialize: b => TimeSpan.FromTicks(b.AsInt64));
        _db = new LiteDatabase(new ConnectionString { Filename = path, Connection = ConnectionType.Direct }, mapper);
    }

    public IRepository<T> Set<T>() where T : class
    {
        lock (_repositoriesLock)
        {
            if (!_repositories.TryGetValue(typeof(T), out var repository))
            {
                repository = new LiteDbRepository<T>(_db.GetCollection<T>(typeof(T).Name));
                _repositories[typeof(T)] = repository;
            }

            return (IRepository<T>)repository;
        }
    }

    public T Write<T>(Func<IOnCallStore, T> work)
    {
        lock (_writeLock)
        {
            _db.BeginTrans();
            try
            {
                var result = work(this);
                _db.Commit();
                return result;
            }
            catch
            {
                _db.Rollback();
                throw;
            }
        }
    }

    /// <summary>Forces the log into the data file (a checkpoint).</summary>
    public void Checkpoint() => _db.Checkpoint();

    public void Dispose() => _db.Dispose();
}
