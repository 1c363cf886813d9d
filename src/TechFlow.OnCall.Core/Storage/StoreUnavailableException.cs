namespace TechFlow.OnCall.Core.Storage;

/// <summary>
/// The store could not be reached (for example the PostgreSQL server is down or refused the connection). Nothing was
/// read or changed by the call that threw it; the same call can be retried once the store is back.
/// </summary>
public class StoreUnavailableException : Exception
{
    public StoreUnavailableException()
    {
    }

    public StoreUnavailableException(string message)
        : base(message)
    {
    }

    public StoreUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
