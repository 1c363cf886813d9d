namespace TechFlow.OnCall.Storage;

/// <summary>The store cannot be opened by this process; the message says why and what to do. Nothing was changed.</summary>
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
