using LiteDB;

namespace TechFlow.OnCall.Storage;

/// <summary>
/// One step of the LiteDB schema: turns a store at version <see cref="From"/> into version <c>From + 1</c>.
/// It works on raw documents (the record types describe the newest shape only) inside one transaction, and must be
/// safe to run again: a crash after it commits and before the version is stamped repeats it.
/// </summary>
public sealed record LiteDbMigration(int From, string Description, Action<LiteDatabase> Apply);
