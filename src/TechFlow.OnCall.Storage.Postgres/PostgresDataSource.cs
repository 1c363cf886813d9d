using Microsoft.Extensions.Logging;
using Npgsql;

namespace TechFlow.OnCall.Storage.Postgres;

/// <summary>The Npgsql data source the store uses: JSONB documents through <see cref="StoreJson"/>.</summary>
internal static class PostgresDataSource
{
    public static NpgsqlDataSource Create(string connectionString, ILoggerFactory? loggers)
    {
        var builder = new NpgsqlDataSourceBuilder(connectionString);
        if (string.IsNullOrEmpty(builder.ConnectionStringBuilder.ApplicationName))
        {
            builder.ConnectionStringBuilder.ApplicationName = "techflow-oncall";
        }

        builder.ConfigureJsonOptions(StoreJson.Options);
        builder.EnableDynamicJson();
        if (loggers is not null)
        {
            builder.UseLoggerFactory(loggers);
        }

        return builder.Build();
    }
}
