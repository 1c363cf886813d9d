using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace TechFlow.OnCall.Slack.Tests.Support;

/// <summary>The real host over a temporary LiteDB file, with Slack pointed at a fake Web API.</summary>
public sealed class SlackHost : WebApplicationFactory<Program>
{
    private readonly string _storePath;
    private readonly bool _ownsStore;
    private readonly Dictionary<string, string?> _settings;
    private readonly TimeProvider? _time;
    private readonly Action<IServiceCollection>? _configure;

    /// <param name="storePath">A LiteDB file to share with another host (a restart); the host then leaves it in place.</param>
    public SlackHost(FakeSlackApi? api, TimeProvider? time, IDictionary<string, string?>? settings = null, Action<IServiceCollection>? configure = null, string? storePath = null)
    {
        _ownsStore = storePath is null;
        _storePath = storePath ?? NewStorePath();
        _time = time;
        _configure = configure;
        _settings = new Dictionary<string, string?>
        {
            ["Store:Path"] = _storePath,
            ["Slack:SigningSecret"] = SlackSigner.Secret,

            // Quartz would post announcements in the background and race the tests' own clock and fake API.
            ["Jobs:Enabled"] = "false",
        };
        if (api is not null)
        {
            _settings["Slack:BotToken"] = "xoxb-test-token";
            _settings["Slack:ApiBaseUrl"] = api.BaseUrl + "/api/";
            _settings["Slack:AnnouncementChannel"] = "C0TEAM";
        }

        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            _settings[key] = value;
        }
    }

    /// <summary>A fresh temp path for a LiteDB file.</summary>
    public static string NewStorePath() => Path.Combine(Path.GetTempPath(), $"slack-tests-{Guid.NewGuid():N}.db");

    /// <summary>Deletes a LiteDB file and its log.</summary>
    public static void DeleteStore(string path)
    {
        foreach (var file in new[] { path, path.Replace(".db", "-log.db", StringComparison.Ordinal) })
        {
            try
            {
                File.Delete(file);
            }
            catch (IOException)
            {
            }
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (key, value) in _settings.Where(s => s.Value is not null))
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureLogging(l => l.SetMinimumLevel(LogLevel.Warning));
        builder.ConfigureTestServices(services =>
        {
            if (_time is not null)
            {
                services.RemoveAll<TimeProvider>();
                services.AddSingleton(_time);
            }

            _configure?.Invoke(services);
        });
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (_ownsStore)
        {
            DeleteStore(_storePath);
        }
    }
}
