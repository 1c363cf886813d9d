using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using TechFlow.OnCall.Core.Announcements;
using TechFlow.OnCall.Core.Paging;
using TechFlow.OnCall.Core.Storage;

namespace TechFlow.OnCallBot.Tests.Paging;

public sealed class PagesEndpointTests : IDisposable
{
    private const string Secret = "s3cret-for-tests-only-0123456789";
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"paging-api-{Guid.NewGuid():N}.db");
    private readonly List<WebApplicationFactory<Program>> _factories = [];

    [Fact]
    public async Task Post_NoSecretConfigured_IsNotFound()
    {
        using var client = Client(secret: null);

        using var response = await PostAsync(client, """{"pipeline":"aggregate profit","message":"job failed"}""", Secret);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(0, Store().Set<Page>().Count());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("wrong-secret-wrong-secret")]
    [InlineData("s3cret-for-tests-only-012345678")]
    public async Task Post_WrongOrMissingSecret_IsUnauthorised(string? token)
    {
        using var client = Client(Secret);

        using var response = await PostAsync(client, """{"pipeline":"aggregate profit","message":"job failed"}""", token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.ToString());
        Assert.Equal(0, Store().Set<Page>().Count());
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("""{"pipeline": 3""")]
    [InlineData("""{"pipeline":"aggregate profit"}""")]
    [InlineData("""{"message":"job failed"}""")]
    public async Task Post_BadBody_IsBadRequest(string body)
    {
        using var client = Client(Secret);

        using var response = await PostAsync(client, body, Secret);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(0, Store().Set<Page>().Count());
    }

    [Fact]
    public async Task Post_UnknownPipeline_IsNotFoundWithSuggestions()
    {
        using var client = Client(Secret);

        using var response = await PostAsync(client, """{"pipeline":"agregate proft","message":"job failed"}""", Secret);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains("aggregate-profit", json.RootElement.GetProperty("suggestions").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(0, Store().Set<Page>().Count());
    }

    [Fact]
    public async Task Post_ValidPage_IsAcceptedThenJoinedWhenRepeated()
    {
        using var client = Client(Secret);
        const string Body = """{"pipeline":"aggregate-profit","message":"DAG aggregate_profit failed","source":"airflow"}""";

        using var first = await PostAsync(client, Body, Secret);
        using var second = await PostAsync(client, Body, Secret);

        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        using var opened = JsonDocument.Parse(await first.Content.ReadAsStringAsync());
        using var joined = JsonDocument.Parse(await second.Content.ReadAsStringAsync());
        var id = opened.RootElement.GetProperty("id").GetString();
        Assert.Equal("opened", opened.RootElement.GetProperty("status").GetString());
        Assert.Equal(("joined", id, 2), (joined.RootElement.GetProperty("status").GetString(), joined.RootElement.GetProperty("id").GetString(), joined.RootElement.GetProperty("reports").GetInt32()));
        var page = Assert.Single(Store().Set<Page>().All());
        Assert.Equal((id, "api", "airflow", 1), (page.Id, page.Source, page.OpenedBy, page.JoinCount));
        Assert.Equal(2, Store().Set<OutboxMessage>().All().Count(m => m.Id.StartsWith($"page:{id}:", StringComparison.Ordinal)));
    }

    [Fact]
    public void Authorized_ComparesTheWholeToken()
    {
        Assert.True(TechFlow.OnCallBot.Paging.PagesEndpoint.Authorized($"Bearer {Secret}", Secret));
        Assert.True(TechFlow.OnCallBot.Paging.PagesEndpoint.Authorized($"bearer {Secret}", Secret));
        Assert.False(TechFlow.OnCallBot.Paging.PagesEndpoint.Authorized($"Basic {Secret}", Secret));
        Assert.False(TechFlow.OnCallBot.Paging.PagesEndpoint.Authorized($"Bearer {Secret}x", Secret));
        Assert.False(TechFlow.OnCallBot.Paging.PagesEndpoint.Authorized("Bearer ", Secret));
    }

    private HttpClient Client(string? secret)
    {
        var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseSetting("Store:Path", _path);
            builder.UseSetting("Jobs:Enabled", "false");
            builder.UseSetting("Paging:ApiSecret", secret ?? "");
            builder.ConfigureTestServices(services =>
                services.AddSingleton<TimeProvider>(new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 15, 0, 0, TimeSpan.Zero))));
        });
        _factories.Add(factory);
        return factory.CreateClient();
    }

    private IOnCallStore Store() => _factories[^1].Services.GetRequiredService<IOnCallStore>();

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string body, string? token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/pages")
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return await client.SendAsync(request);
    }

    public void Dispose()
    {
        foreach (var factory in _factories)
        {
            factory.Dispose();
        }

        foreach (var file in Directory.GetFiles(Path.GetDirectoryName(_path)!, Path.GetFileNameWithoutExtension(_path) + "*"))
        {
            File.Delete(file);
        }
    }
}
