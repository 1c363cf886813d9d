using Npgsql;
using TechFlow.OnCall.Core.Storage;

namespace TechFlow.OnCall.Storage.Postgres;

/// <summary>Turns "the server is not there" failures into <see cref="StoreUnavailableException"/>.</summary>
internal static class PostgresErrors
{
    public static T Translate<T>(Func<T> call)
    {
        try
        {
            return call();
        }
        catch (Exception ex) when (IsUnavailable(ex))
        {
            throw new StoreUnavailableException("PostgreSQL is not answering: " + ex.Message, ex);
        }
    }

    public static void Translate(Action call) => Translate(() =>
    {
        call();
        return true;
    });

    /// <summary>
    /// A transient Npgsql failure: no connection, a broken one, a server shutting down or refusing connections,
    /// or a pool that could not hand out a connection in time. A failing statement (a bug) is not one.
    /// </summary>
    public static bool IsUnavailable(Exception ex) => ex switch
    {
        NpgsqlException { IsTransient: true } => true,
        NpgsqlException { InnerException: System.Net.Sockets.SocketException or IOException or TimeoutException } => true,
        InvalidOperationException { InnerException: NpgsqlException inner } => IsUnavailable(inner),
        _ => false,
    };
}
