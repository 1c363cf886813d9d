using System.Text.Json;
using TechFlow.OnCall.Core.Storage;
using TechFlow.OnCall.Storage;
using TechFlow.OnCallBot.Cli;
using TechFlow.OnCallBot.Security;

namespace TechFlow.OnCallBot.Admin;

/// <summary>
/// Routes for the CLI on the same machine while this host holds the store (see <see cref="AdminAccess"/>):
/// <c>POST /admin/cli</c> runs a read-only command here, <c>GET /admin/backup</c> streams a consistent copy.
/// </summary>
public static class AdminEndpoints
{
    public const string CliRoute = "/admin/cli";
    public const string BackupRoute = "/admin/backup";

    /// <summary>Answers this process's id to local requests: how the host checks its own announced address.</summary>
    public const string PingRoute = "/admin/ping";

    /// <summary>The response header with the backup's record counts per collection (JSON), for the CLI to verify against.</summary>
    public const string CountsHeader = "X-OnCall-Store-Counts";

    public static IServiceCollection AddAdmin(this IServiceCollection services)
    {
        services.AddSingleton<AdminAccess>();
        services.AddSingleton<ServerBinding>();
        services.AddHostedService<AdminAnnouncer>();
        return services;
    }

    public static IEndpointRouteBuilder MapAdmin(this IEndpointRouteBuilder app)
    {
        app.MapGet(PingRoute, (HttpContext http) => LocalRequests.IsDirectFromThisMachine(http)
            ? Results.Text(Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture))
            : Results.NotFound());
        var admin = app.MapGroup("/admin").AddEndpointFilter(async (context, next) =>
            context.HttpContext.RequestServices.GetRequiredService<AdminAccess>().Refusal(context.HttpContext) ?? await next(context));
        admin.MapPost("/cli", RunCliAsync);
        admin.MapGet("/backup", Backup);
        return app;
    }

    private static async Task<IResult> RunCliAsync(HttpRequest request, IServiceProvider services, CancellationToken ct)
    {
        AdminCliRequest? body;
        try
        {
            body = await JsonSerializer.DeserializeAsync(request.Body, AdminJsonContext.Default.AdminCliRequest, ct);
        }
        catch (JsonException)
        {
            body = null;
        }

        if (body?.Args is not { Count: > 0 } args)
        {
            return Results.BadRequest("The body must be {\"args\": [\"ask\", \"who is on call\"]}.");
        }

        using var output = new StringWriter();
        using var errors = new StringWriter();
        var code = await CliApp.RunInHostAsync([.. args], services, output, errors);
        return Results.Json(new AdminCliResponse(code, output.ToString(), errors.ToString()), AdminJsonContext.Default.AdminCliResponse);
    }

    private static IResult Backup(IOnCallStore store, HttpContext http)
    {
        if (store is not LiteDbStore lite)
        {
            return Results.Problem("Backups through the host are for LiteDB stores; back up other stores with their own tools.", statusCode: StatusCodes.Status501NotImplemented);
        }

        var file = Path.Combine(Path.GetTempPath(), $"oncall-backup-{Guid.NewGuid():N}.db");
        StoreCounts counts;
        try
        {
            counts = LiteDbBackup.Backup(lite, file);
        }
        catch (StoreBackupException ex)
        {
            File.Delete(file);
            return Results.Problem(ex.Message, statusCode: StatusCodes.Status500InternalServerError);
        }

        http.Response.Headers[CountsHeader] = JsonSerializer.Serialize(counts.ByCollection.ToDictionary(), AdminJsonContext.Default.DictionaryStringInt32);
        var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, 81920, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        return Results.Stream(stream, "application/octet-stream", "oncall-backup.db");
    }
}
