using System.Linq.Expressions;
using LiteDB;
using TechFlow.OnCall.Core.Storage;

namespace TechFlow.OnCall.Storage;

/// <remarks>Every change goes through <paramref name="owner"/>'s unit of work: outside one, it throws.</remarks>
internal sealed class LiteDbRepository<T>(ILiteCollection<T> collection, LiteDbStore owner) : IRepository<T> where T : class
{
    public T? Get(string id) => collection.FindById(new BsonValue(id));

    public IReadOnlyList<T> All() => [.. collection.FindAll()];

    public IReadOnlyList<T> Find(Expression<Func<T, bool>> predicate) => [.. collection.Find(predicate)];

    public IReadOnlyList<T> Find<TKey>(Expression<Func<T, bool>> predicate, Expression<Func<T, TKey>> orderBy, bool descending = false, int limit = int.MaxValue)
    {
        var query = collection.Query().Where(predicate);
        var ordered = descending ? query.OrderByDescending(orderBy) : query.OrderBy(orderBy);
        return [.. ordered.Limit(limit).ToEnumerable()];
    }

    public bool Exists(Expression<Func<T, bool>> predicate) => collection.Exists(predicate);

    public int Count() => collection.Count();

    public bool TryInsert(T item)
    {
        owner.Changing<T>();
        // Check first: a failed insert makes LiteDB roll back the whole enclosing transaction, which would
        // silently undo the earlier changes of the caller's unit of work (IOnCallStore.Write).
        if (collection.EntityMapper.Id?.Getter(item) is { } id && collection.FindById(new BsonValue(id)) is not null)
        {
            return false;
        }

        try
        {
            collection.Insert(item);
            return true;
        }
        catch (LiteException ex) when (ex.ErrorCode == LiteException.INDEX_DUPLICATE_KEY)
        {
            return false;
        }
    }

    public void Upsert(T item)
    {
        owner.Changing<T>();
        collection.Upsert(item);
    }

    public bool Delete(string id)
    {
        owner.Changing<T>();
        return collection.Delete(new BsonValue(id));
    }

    public int DeleteMany(Expression<Func<T, bool>> predicate)
    {
        owner.Changing<T>();
        return collection.DeleteMany(predicate);
    }

    public void EnsureIndex<TKey>(Expression<Func<T, TKey>> key, bool unique = false) => collection.EnsureIndex(key, unique);
}
