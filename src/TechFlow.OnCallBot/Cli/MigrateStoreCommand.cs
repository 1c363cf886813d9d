using System.Reflection;
using System.Text.Json;
using Humanizer;
using TechFlow.OnCall.Core.Storage;
using TechFlow.OnCall.Storage;
using TechFlow.OnCallBot.Extensions;
using TechFlow.OnCallBot.Providers;

namespace TechFlow.OnCallBot.Cli;

/// <summary>
/// <c>migrate-store --from data/oncall.db --to "Host=...;Database=..."</c>: copies every collection of a LiteDB file
/// into an empty PostgreSQL database in one unit of work, then checks that every count (and every record) matches.
/// </summary>
/// <remarks>
/// Refuses, changing nothing, when the target already holds records or the file holds a collection this build does
/// not know. Stop the bot first: LiteDB's file must not change while it is copied.
/// </remarks>
public static class MigrateStoreCommand
{
    public const string Usage = "migrate-store --from FILE.db --to \"Host=...;Database=...;Username=...;Password=...\"";

    internal static CliCommand Create(CliSession session)
    {
        var from = CliOptions.Text("--from", "FILE.db", "The LiteDB file to copy; stop the bot first (required).");
        var to = CliOptions.Text("--to", "\"Host=...;Database=...;Username=...;Password=...\"", "The empty PostgreSQL database to copy into (required).");
        var command = new CliCommand("migrate-store", "Copies a LiteDB store into an empty PostgreSQL database and checks every collection.", CliAccess.Standalone) { from, to };
        CliOptions.Require(command, $"migrate-store needs --from and --to. Usage: {Usage}", from, to);
        command.SetAction((result, _) => RunAsync(result.GetValue(from)!, result.GetValue(to)!, session.Output, session.Errors));
        return command;
    }

    private static async Task<int> RunAsync(string from, string to, TextWriter output, TextWriter errors)
    {
        if (!File.Exists(from))
        {
            await errors.WriteLineAsync($"--from \"{from}\": no such LiteDB file.");
            return 2;
        }

        if (!PostgresStoreProvider.TryParse(to, out var problem))
        {
            await errors.WriteLineAsync($"--to: {problem.Replace("Store:ConnectionString", "the connection string", StringComparison.Ordinal)}");
            return 2;
        }

        using var source = new LiteDbStore(from);
        var names = source.CollectionNames().Order(StringComparer.Ordinal).ToList();
        var unknown = names.Where(n => StoreCollections.Find(n) is null).ToList();
        if (unknown.Count > 0)
        {
            await errors.WriteLineAsync($"{from} holds collections this build does not know: {string.Join(", ", unknown)}. Nothing was copied.");
            return 1;
        }

        var types = names.Select(n => StoreCollections.Find(n)!).ToList();
        var store = PostgresStoreProvider.Open(to, Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance);
        using var closing = (IDisposable)store;
        var occupied = types.Sum(t => (int)Generic(nameof(CountOf), t, store));
        if (occupied > 0)
        {
            await errors.WriteLineAsync($"The target database already holds {occupied} records; migrate into an empty database. Nothing was copied.");
            return 1;
        }

        store.Write(tx =>
        {
            foreach (var type in types)
            {
                Generic(nameof(Copy), type, source, tx);
            }
        });

        await output.WriteLineAsync($"Copied {from} to {PostgresStoreProvider.Describe(to)}:");
        await output.WriteLineAsync($"{"collection",-28} {"LiteDB",8} {"PostgreSQL",10}");
        var mismatches = 0;
        foreach (var type in types)
        {
            var (before, after, same) = ((int, int, bool))Generic(nameof(Compare), type, source, store);
            mismatches += before == after && same ? 0 : 1;
            await output.WriteLineAsync($"{type.Name,-28} {before,8} {after,10}{(before != after ? "  COUNT DIFFERS" : same ? "" : "  RECORDS DIFFER")}");
        }

        if (mismatches > 0)
        {
            await errors.WriteLineAsync($"{"collection".ToQuantity(mismatches)} {(mismatches == 1 ? "differs" : "differ")} after the copy: do not switch to PostgreSQL; see above.");
            return 1;
        }

        await output.WriteLineAsync("Every collection's count and records match.");
        return 0;
    }

    private static object Generic(string method, Type type, params object[] args) =>
        typeof(MigrateStoreCommand).GetMethod(method, BindingFlags.NonPublic | BindingFlags.Static)!.MakeGenericMethod(type).Invoke(null, args)!;

    private static int CountOf<T>(IOnCallStore store) where T : class => store.Set<T>().Count();

    private static void Copy<T>(IOnCallStore source, IStoreTransaction target) where T : class
    {
        var into = target.Set<T>();
        foreach (var item in source.Set<T>().All())
        {
            into.Upsert(item);
        }
    }

    private static (int Before, int After, bool Same) Compare<T>(IOnCallStore source, IOnCallStore target) where T : class
    {
        var before = source.Set<T>().All();
        var after = target.Set<T>().All();
        var same = Json(before) == Json(after);
        return (before.Count, after.Count, same);

        static string Json(IEnumerable<T> items) =>
            JsonSerializer.Serialize(items.OrderBy(i => JsonSerializer.Serialize(i), StringComparer.Ordinal).ToList());
    }
}
