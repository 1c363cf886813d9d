namespace TechFlow.OnCall.Storage;

/// <summary>A backup or restore could not be made or did not verify; the message says which file and why.</summary>
public sealed class StoreBackupException : Exception
{
    public StoreBackupException()
    {
    }

    public StoreBackupException(string message)
        : base(message)
    {
    }

    public StoreBackupException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
