using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using NSubstitute;
using NSubstitute.ExceptionExtensions;
using Quartz;
using TechFlow.OnCall.Core.Announcements;
using TechFlow.OnCallBot.Jobs;

namespace TechFlow.OnCallBot.Tests.Jobs;

public class DueWorkJobTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 27, 15, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Execute_OneWorkThrows_RunsTheOthersAtTheSameInstant()
    {
        var failing = Substitute.For<IDueWork>();
        failing.Name.Returns("failing");
        failing.RunDueAsync(Arg.Any<DateTimeOffset>(), Arg.Any<CancellationToken>()).ThrowsAsync(new InvalidOperationException("boom"));
        var healthy = Substitute.For<IDueWork>();
        var job = new DueWorkJob([failing, healthy], new FakeTimeProvider(Now), NullLogger<DueWorkJob>.Instance);

        await job.Execute(Substitute.For<IJobExecutionContext>(), CancellationToken.None);

        await failing.Received(1).RunDueAsync(Now, Arg.Any<CancellationToken>());
        await healthy.Received(1).RunDueAsync(Now, Arg.Any<CancellationToken>());
    }
}
