using System.Linq.Expressions;
using System.Reflection;

namespace TechFlow.OnCall.Storage.Postgres;

/// <summary>Reads a record's string <c>Id</c> property, the key of its document.</summary>
internal static class DocumentId<T>
{
    private static readonly Func<T, string?> Getter = Build();

    public static string Of(T item) =>
        Getter(item) is { Length: > 0 } id ? id : throw new ArgumentException($"A {typeof(T).Name} needs a non-empty Id to be stored.", nameof(item));

    private static Func<T, string?> Build()
    {
        var property = typeof(T).GetProperty("Id", BindingFlags.Public | BindingFlags.Instance);
        if (property?.PropertyType != typeof(string))
        {
            return _ => throw new NotSupportedException($"{typeof(T).Name} cannot be stored: records are keyed by a public string Id property.");
        }

        var item = Expression.Parameter(typeof(T), "item");
        return Expression.Lambda<Func<T, string?>>(Expression.Property(item, property), item).Compile();
    }
}
