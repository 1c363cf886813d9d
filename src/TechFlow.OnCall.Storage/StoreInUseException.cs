using TechFlow.OnCall.Core.Storage;

namespace TechFlow.OnCall.Storage;

/// <summary>Another process (or another part of this one) holds the store's lock.</summary>
public sealed class StoreInUseException : StoreUnavailableException
{
    public StoreInUseException()
    {
    }

    public StoreInUseException(string message)
        : base(message)
    {
    }

    public StoreInUseException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public StoreInUseException(string storePath, StoreLockInfo? holder)
        : base(Describe(storePath, holder?.Pid))
    {
        StorePath = storePath;
        Holder = holder;
    }

    public string StorePath { get; } = "";

    /// <summary>What the holder published in the lock file (its process id, and its admin endpoint if it serves one).</summary>
    public StoreLockInfo? Holder { get; }

    private static string Describe(string storePath, int? pid) =>
        $"the store {storePath} is in use by {(pid is { } p ? $"process {p}" : "another process")}; stop it or use --Store:Path";
}
