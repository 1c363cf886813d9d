using TechFlow.OnCall.Core.Storage;

namespace TechFlow.OnCall.Storage;

/// <summary>The store was written by a newer build; this one leaves it untouched.</summary>
public sealed class StoreSchemaTooNewException : StoreUnavailableException
{
    public StoreSchemaTooNewException()
    {
    }

    public StoreSchemaTooNewException(string message)
        : base(message)
    {
    }

    public StoreSchemaTooNewException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
