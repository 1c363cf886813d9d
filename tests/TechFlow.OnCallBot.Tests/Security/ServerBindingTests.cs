using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Configuration;
using NSubstitute;
using TechFlow.OnCallBot.Security;

namespace TechFlow.OnCallBot.Tests.Security;

public class ServerBindingTests
{
    [Theory]
    [InlineData("http://localhost:3978", true)]
    [InlineData("http://127.0.0.1:0", true)]
    [InlineData("http://127.0.0.2:80", true)]
    [InlineData("http://[::1]:3978", true)]
    [InlineData("https://localhost:443/", true)]
    [InlineData("http://0.0.0.0:3978", false)]
    [InlineData("http://[::]:3978", false)]
    [InlineData("http://*:3978", false)]
    [InlineData("http://+:3978", false)]
    [InlineData("http://10.0.0.5:3978", false)]
    [InlineData("http://oncall.example.com:80", false)]
    [InlineData("http://unix:/run/oncall.sock", false)]
    public void IsLoopback_Address_OnlyLoopbackHosts(string address, bool loopback) =>
        Assert.Equal(loopback, ServerBinding.IsLoopback(address));

    [Theory]
    [InlineData("http://localhost:3978", "http://127.0.0.1:3978/")]
    [InlineData("http://[::]:80", "http://127.0.0.1:80/")]
    [InlineData("https://10.0.0.5:8443;http://+:3978", "http://127.0.0.1:3978/")]
    [InlineData("https://10.0.0.5:8443", "https://10.0.0.5:8443/")]
    public void LocalUrl_RunningAddresses_AReachableLoopbackAddressPreferringHttp(string urls, string expected)
    {
        var binding = Binding(urls.Split(';'), "http://0.0.0.0:1");

        Assert.Equal(expected, binding.LocalUrl());
    }

    [Fact]
    public void LocalUrl_NoRunningAddress_NullEvenWhenUrlsAreConfigured() =>
        Assert.Null(Binding([], "http://localhost:3978").LocalUrl());

    [Fact]
    public void IsLoopbackOnly_RunningServerAddresses_WinOverConfiguration()
    {
        Assert.False(Binding(["http://0.0.0.0:3978"], "http://localhost:3978").IsLoopbackOnly);
        Assert.True(Binding(["http://127.0.0.1:41234"], "http://0.0.0.0:3978").IsLoopbackOnly);
        Assert.False(Binding([], "http://localhost:3978;http://0.0.0.0:80").IsLoopbackOnly);
    }

    private static ServerBinding Binding(string[] running, string configured)
    {
        var addresses = Substitute.For<IServerAddressesFeature>();
        addresses.Addresses.Returns(running.ToList());
        var features = new FeatureCollection();
        features.Set(addresses);
        var server = Substitute.For<IServer>();
        server.Features.Returns(features);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["urls"] = configured }).Build();
        return new ServerBinding(server, configuration);
    }
}
