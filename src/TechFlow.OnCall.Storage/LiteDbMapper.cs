using System.Globalization;
using LiteDB;

namespace TechFlow.OnCall.Storage;

/// <summary>
/// How records map to BSON: enums as names, dates and times as sortable text, spans as ticks, and an empty string
/// kept empty (LiteDB's default stores it as null, which comes back as null in a property typed non-null).
/// </summary>
internal static class LiteDbMapper
{
    public static BsonMapper Create()
    {
        var mapper = new BsonMapper { EnumAsInteger = false, EmptyStringToNull = false };
        mapper.RegisterType(
            serialize: (DateOnly d) => new BsonValue(d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            deserialize: b => DateOnly.ParseExact(b.AsString, "yyyy-MM-dd", CultureInfo.InvariantCulture));
        mapper.RegisterType(
            serialize: (TimeOnly t) => new BsonValue(t.ToString("HH:mm", CultureInfo.InvariantCulture)),
            deserialize: b => TimeOnly.ParseExact(b.AsString, "HH:mm", CultureInfo.InvariantCulture));
        mapper.RegisterType(
            serialize: (TimeSpan t) => new BsonValue(t.Ticks),
            deserialize: b => TimeSpan.FromTicks(b.AsInt64));
        return mapper;
    }
}
