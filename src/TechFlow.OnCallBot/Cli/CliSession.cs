using TechFlow.OnCall.Core.Storage;
using TechFlow.OnCall.Storage;
using TechFlow.OnCallBot.Extensions;
using TechFlow.OnCallBot.Seeding;

namespace TechFlow.OnCallBot.Cli;

/// <summary>
/// Where a parsed command runs and the writers it answers on: this process, which builds its own services and takes
/// the store's lock, or a running host's services (the admin route that runs commands for a CLI).
/// </summary>
internal sealed class CliSession
{
    private readonly IServiceProvider? _hostServices;
    private readonly HostApplicationBuilderSettings _settings;
    private readonly Action<IServiceCollection>? _configure;

    private CliSession(IReadOnlyList<string> arguments, TextWriter output, TextWriter errors, IServiceProvider? hostServices, HostApplicationBuilderSettings settings, Action<IServiceCollection>? configure)
    {
        Arguments = arguments;
        Output = output;
        Errors = errors;
        _hostServices = hostServices;
        _settings = settings;
        _configure = configure;
    }

    /// <summary>The command line as given, configuration overrides included; sent on to a host that holds the store.</summary>
    public IReadOnlyList<string> Arguments { get; }

    public TextWriter Output { get; }

    public TextWriter Errors { get; }

    /// <summary>A command run by this process; <paramref name="configuration"/> goes to its host's configuration.</summary>
    public static CliSession Local(IReadOnlyList<string> arguments, IReadOnlyList<string> configuration, TextWriter output, TextWriter errors, Action<IServiceCollection>? configure) =>
        new(arguments, output, errors, null, new HostApplicationBuilderSettings { Args = [.. configuration] }, configure);

    /// <summary>A command a running host runs on its own services for a CLI.</summary>
    public static CliSession InHost(IReadOnlyList<string> arguments, IServiceProvider services, TextWriter output, TextWriter errors) =>
        new(arguments, output, errors, services, new HostApplicationBuilderSettings(), null);

    /// <summary>
    /// Runs <paramref name="run"/> on the configured store. When a running host holds the store, <paramref name="whenHeld"/>
    /// (given the holder and the store's path) asks that host instead; when the store cannot be opened, exit code 3.
    /// </summary>
    public async Task<int> WithStoreAsync(Func<IServiceProvider, Task<int>> run, Func<StoreLockInfo, string, Task<int>> whenHeld)
    {
        if (_hostServices is not null)
        {
            return await Guarded(run, _hostServices);
        }

        using var host = BuildHost();
        try
        {
            host.Services.PrepareStore();
        }
        catch (StoreInUseException ex) when (ex.Holder is { AdminUrl: not null, AdminToken: not null } holder)
        {
            return await whenHeld(holder, ex.StorePath);
        }
        catch (StoreUnavailableException ex)
        {
            await Errors.WriteLineAsync(ex.Message);
            return CliApp.StoreUnavailableExitCode;
        }

        return await Guarded(run, host.Services);
    }

    /// <summary>Runs <paramref name="run"/> on this process's services without opening the store (restore replaces its file).</summary>
    public async Task<int> WithoutStoreAsync(Func<IServiceProvider, Task<int>> run)
    {
        if (_hostServices is not null)
        {
            throw new InvalidOperationException("A running host never replaces its own store for a CLI.");
        }

        using var host = BuildHost();
        return await run(host.Services);
    }

    /// <summary>Sends <paramref name="arguments"/> to the host that holds the store and prints what it printed.</summary>
    public Func<StoreLockInfo, string, Task<int>> Forward(IReadOnlyList<string> arguments) =>
        (holder, storePath) => HostAdminClient.RunAsync(holder, [.. arguments], storePath, Output, Errors);

    private IHost BuildHost()
    {
        var builder = Host.CreateApplicationBuilder(_settings);
        builder.Logging.ClearProviders();
        builder.Services.AddOnCallCore(builder.Configuration).AddOnCallStore(builder.Configuration);
        _configure?.Invoke(builder.Services);
        return builder.Build();
    }

    private async Task<int> Guarded(Func<IServiceProvider, Task<int>> run, IServiceProvider services)
    {
        try
        {
            return await run(services);
        }
        catch (TeamFileException ex)
        {
            await Errors.WriteLineAsync(ex.Message);
            return 1;
        }
    }
}
