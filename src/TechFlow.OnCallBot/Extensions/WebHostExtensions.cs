namespace TechFlow.OnCallBot.Extensions;

internal static class WebHostExtensions
{
    /// <summary>Listens on <paramref name="url"/> unless --urls, ASPNETCORE_URLS or Kestrel config says otherwise.</summary>
    public static IWebHostBuilder UseUrlsIfUnset(this IWebHostBuilder builder, string url)
    {
        var configured = builder.GetSetting(WebHostDefaults.ServerUrlsKey);
        return string.IsNullOrEmpty(configured) ? builder.UseUrls(url) : builder;
    }
}
