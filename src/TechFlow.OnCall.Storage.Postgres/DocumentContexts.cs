using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace TechFlow.OnCall.Storage.Postgres;

/// <summary>Opens a <see cref="DocumentContext{T}"/> on a connection (and transaction) the store already holds.</summary>
internal static class DocumentContexts<T> where T : class
{
    private static readonly DbContextOptions<DocumentContext<T>> Options =
        new DbContextOptionsBuilder<DocumentContext<T>>().UseNpgsql().Options;

    public static DocumentContext<T> Open(NpgsqlConnection connection, NpgsqlTransaction? transaction)
    {
        var context = new DocumentContext<T>(Options);
        context.Database.SetDbConnection(connection);
        if (transaction is not null)
        {
            context.Database.UseTransaction(transaction);
        }

        return context;
    }
}
