using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Options;

namespace TechFlow.OnCallBot.Tests.Configuration;

/// <summary>A bad store configuration stops the host at start with a message naming the key.</summary>
public class StoreOptionsValidationTests
{
    [Theory]
    [InlineData("Mongo", "", "Store:Provider must be 'LiteDb' or 'Postgres'")]
    [InlineData("Postgres", "", "Store:ConnectionString is required")]
    [InlineData("Postgres", "Host", "Store:ConnectionString is not a valid PostgreSQL connection string")]
    [InlineData("postgres", "Database=oncall", "Store:ConnectionString is not a valid PostgreSQL connection string")]
    public void Host_BadStoreSettings_RefusesToStart(string provider, string connectionString, string message)
    {
        using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b => b
            .UseSetting("Store:Provider", provider)
            .UseSetting("Store:ConnectionString", connectionString)
            .UseSetting("Jobs:Enabled", "false"));

        var error = Assert.Throws<OptionsValidationException>(() => factory.Server);

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }
}
