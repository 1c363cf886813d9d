using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace TechFlow.OnCall.Testing;

/// <summary>
/// The real host (<c>Program</c>) over a fresh LiteDB file in a temp folder, on a fake clock.
/// In-memory TestServer by default; <see cref="StartKestrel"/> serves it on a real 127.0.0.1 port (for browsers).
/// </summary>
public sealed class OnCallApp : WebApplicationFactory<Program>
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "oncall-app-" + Guid.NewGuid().ToString("N"));
    private readonly Dictionary<string, string?> _settings;
    private readonly Action<IServiceCollection>? _configure;

    /// <param name="now">The fake clock's starting instant.</param>
    /// <param name="settings">Configuration overrides, for example <c>["Store:Seed"] = "none"</c>.</param>
    /// <param name="configure">Extra registrations, applied after the app's own.</param>
    public OnCallApp(DateTimeOffset now, IDictionary<string, string?>? settings = null, Action<IServiceCollection>? configure = null)
    {
        Directory.CreateDirectory(_directory);
        Time = new FakeTimeProvider(now);
        _settings = new Dictionary<string, string?>(settings ?? new Dictionary<string, string?>());
        _configure = configure;
    }

    public FakeTimeProvider Time { get; }

    /// <summary>The LiteDB file this app uses.</summary>
    public string StorePath => Path.Combine(_directory, "oncall.db");

    /// <summary>Starts the app on Kestrel at http://127.0.0.1:&lt;free port&gt; and returns its address.</summary>
    public Uri StartKestrel()
    {
        UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        StartServer();
        var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal));
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Store:Path", StorePath);

        // Quartz would post announcements in the background and race the test; tests that want it opt in.
        builder.UseSetting("Jobs:Enabled", "false");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Time);
            _configure?.Invoke(services);
        });
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        DeleteDirectory();
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        DeleteDirectory();
    }

    private void DeleteDirectory()
    {
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a temp folder left behind is harmless.
        }
    }
}
