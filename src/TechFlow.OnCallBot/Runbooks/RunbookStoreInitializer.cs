using TechFlow.OnCall.Core.Runbooks;
using TechFlow.OnCall.Core.Storage;

namespace TechFlow.OnCallBot.Runbooks;

/// <summary>
/// Loads the runbooks folder into the store when the store opens; a bad folder keeps what is stored.
/// </summary>
internal sealed class RunbookStoreInitializer(RunbookService runbooks, ILogger<RunbookStoreInitializer> logger) : IStoreInitializer
{
    public void Initialize(IOnCallStore store)
    {
        var result = runbooks.Reload();
        if (result.Succeeded)
        {
            logger.LogInformation("Loaded {Count} runbooks from {Folder}", result.Runbooks.Count, runbooks.Folder);
            return;
        }

        foreach (var problem in result.Problems)
        {
            logger.LogError("Runbook not loaded: {Problem}", problem.ToString());
        }
    }
}
