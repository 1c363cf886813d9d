using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using TechFlow.OnCall.Storage;
using TechFlow.OnCallBot.Admin;

namespace TechFlow.OnCallBot.Cli;

/// <summary>The CLI's side of <see cref="AdminEndpoints"/>: what it does when a running host holds the store.</summary>
internal static class HostAdminClient
{
    /// <summary>Runs a read-only command on the host and prints what it printed.</summary>
    public static async Task<int> RunAsync(StoreLockInfo holder, string[] args, string storePath, TextWriter output, TextWriter errors)
    {
        using var http = Client(holder);
        try
        {
            using var response = await http.PostAsJsonAsync(AdminEndpoints.CliRoute.TrimStart('/'), new AdminCliRequest(args), AdminJsonContext.Default.AdminCliRequest);
            response.EnsureSuccessStatusCode();
            var answer = await response.Content.ReadFromJsonAsync(AdminJsonContext.Default.AdminCliResponse)
                ?? throw new JsonException("empty answer");
            await output.WriteAsync(answer.Output);
            await errors.WriteAsync(answer.Errors);
            return answer.ExitCode;
        }
        catch (Exception ex) when (ex is HttpRequestException or JsonException or TaskCanceledException)
        {
            return await Unreachable(holder, storePath, ex, errors);
        }
    }

    /// <summary>Asks the host for a consistent copy, writes it to <c>--to</c>, and checks it opens with the host's counts.</summary>
    public static async Task<int> BackupAsync(StoreLockInfo holder, string to, string storePath, TextWriter output, TextWriter errors)
    {
        var full = Path.GetFullPath(to);
        var partial = $"{full}.partial-{Guid.NewGuid():N}";
        using var http = Client(holder);
        try
        {
            using var response = await http.GetAsync(new Uri(AdminEndpoints.BackupRoute.TrimStart('/'), UriKind.Relative), HttpCompletionOption.ResponseHeadersRead);
            response.EnsureSuccessStatusCode();
            var counts = new StoreCounts(JsonSerializer.Deserialize(
                response.Headers.GetValues(AdminEndpoints.CountsHeader).Single(), AdminJsonContext.Default.DictionaryStringInt32)!);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            await using (var file = File.Create(partial))
            {
                await response.Content.CopyToAsync(file);
            }

            LiteDbBackup.Verify(partial, counts);
            File.Move(partial, full, overwrite: true);
            await output.WriteLineAsync($"Backed up {storePath} to {to} through the host (process {holder.Pid}): {counts}, verified.");
            return 0;
        }
        catch (StoreBackupException ex)
        {
            await errors.WriteLineAsync($"Backup failed: {ex.Message}");
            return 1;
        }
        catch (Exception ex) when (ex is HttpRequestException or JsonException or TaskCanceledException or InvalidOperationException)
        {
            return await Unreachable(holder, storePath, ex, errors);
        }
        finally
        {
            File.Delete(partial);
        }
    }

    private static HttpClient Client(StoreLockInfo holder)
    {
        var http = new HttpClient { BaseAddress = new Uri(holder.AdminUrl!), Timeout = TimeSpan.FromMinutes(5) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", holder.AdminToken);
        return http;
    }

    private static async Task<int> Unreachable(StoreLockInfo holder, string storePath, Exception ex, TextWriter errors)
    {
        await errors.WriteLineAsync(
            $"the store {storePath} is in use by process {holder.Pid}, and its admin routes at {holder.AdminUrl} did not answer ({ex.Message}); stop it or use --Store:Path");
        return CliApp.StoreUnavailableExitCode;
    }
}
