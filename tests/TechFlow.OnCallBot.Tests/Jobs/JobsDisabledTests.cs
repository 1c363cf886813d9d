using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace TechFlow.OnCallBot.Tests.Jobs;

public sealed class JobsDisabledTests : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"oncall-nojobs-{Guid.NewGuid():N}.db");

    [Fact]
    public void AddOnCallJobs_JobsDisabled_RegistersNoScheduler()
    {
        using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b => b
            .UseSetting("Store:Path", _path)
            .UseSetting("Jobs:Enabled", "false"));
        _ = factory.Server;

        Assert.Null(factory.Services.GetService<ISchedulerFactory>());
    }

    public void Dispose()
    {
        foreach (var file in new[] { _path, Path.ChangeExtension(_path, null) + "-log.db" })
        {
            if (File.Exists(file))
            {
                File.Delete(file);
            }
        }
    }
}
