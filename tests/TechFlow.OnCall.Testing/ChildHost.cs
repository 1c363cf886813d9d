using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace TechFlow.OnCall.Testing;

/// <summary>
/// The real host as a child process (<see cref="HostCommand"/>: the build beside the tests, another folder, or the
/// native build), on 127.0.0.1 and a free port, configured with command-line keys. <see cref="Kill"/> is SIGKILL: no
/// shutdown code runs.
/// </summary>
public sealed class ChildHost : IAsyncDisposable
{
    private readonly Process _process;
    private readonly Queue<string> _output = new();

    private ChildHost(Process process, Uri address)
    {
        _process = process;
        Address = address;
        process.OutputDataReceived += (_, e) => Keep(e.Data);
        process.ErrorDataReceived += (_, e) => Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public Uri Address { get; }

    public bool HasExited => _process.HasExited;

    /// <summary>The last lines the host wrote, for a failure message.</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return string.Join('\n', _output);
            }
        }
    }

    /// <summary>
    /// Starts the host in <paramref name="environment"/> and waits (up to 90 s) until <c>/healthz</c> answers;
    /// <paramref name="started"/> gets the process at once, for a test that may have to kill it before then (a fast host
    /// can post its start-up work before the first health check).
    /// </summary>
    public static async Task<ChildHost> StartAsync(IReadOnlyDictionary<string, string> settings, string environment = "Production", Action<ChildHost>? started = null)
    {
        var port = FreePort();
        var start = HostCommand.Create();
        start.Environment["DOTNET_ENVIRONMENT"] = environment;
        start.Environment["ASPNETCORE_ENVIRONMENT"] = environment;
        start.ArgumentList.Add($"--urls=http://127.0.0.1:{port}");
        foreach (var (key, value) in settings)
        {
            start.ArgumentList.Add($"--{key}={value}");
        }

        var host = new ChildHost(Process.Start(start) ?? throw new InvalidOperationException("the host did not start"), new Uri($"http://127.0.0.1:{port}/"));
        started?.Invoke(host);
        using var http = new HttpClient { BaseAddress = host.Address, Timeout = TimeSpan.FromSeconds(2) };
        for (var i = 0; i < 900; i++)
        {
            if (host.HasExited)
            {
                return host.Killed ? host : throw new InvalidOperationException("The host exited at start:\n" + host.Output);
            }

            try
            {
                using var response = await http.GetAsync(new Uri("healthz", UriKind.Relative));
                if (response.IsSuccessStatusCode)
                {
                    return host;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }

            await Task.Delay(100);
        }

        await host.DisposeAsync();
        throw new TimeoutException("The host did not answer /healthz within 90 s:\n" + host.Output);
    }

    /// <summary>Whether <see cref="Kill"/> ended it (possibly during start-up, which <see cref="StartAsync"/> then allows).</summary>
    public bool Killed { get; private set; }

    /// <summary>SIGKILL, and waits until the process is gone.</summary>
    public void Kill()
    {
        Killed = true;
        if (!_process.HasExited)
        {
            _process.Kill();
        }

        _process.WaitForExit();
    }

    public ValueTask DisposeAsync()
    {
        Kill();
        _process.Dispose();
        return ValueTask.CompletedTask;
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.Enqueue(line);
            while (_output.Count > 40)
            {
                _output.Dequeue();
            }
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
