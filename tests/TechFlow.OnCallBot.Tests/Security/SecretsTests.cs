using TechFlow.OnCallBot.Security;

namespace TechFlow.OnCallBot.Tests.Security;

public class SecretsTests
{
    [Theory]
    [InlineData("s3cret-value-0123456789", "s3cret-value-0123456789", true)]
    [InlineData("s3cret-value-0123456788", "s3cret-value-0123456789", false)]
    [InlineData("s3cret", "s3cret-value-0123456789", false)]
    [InlineData("s3cret-value-0123456789-and-more", "s3cret-value-0123456789", false)]
    [InlineData("", "s3cret-value-0123456789", false)]
    [InlineData(null, "s3cret-value-0123456789", false)]
    [InlineData("", "", false)]
    [InlineData(null, null, false)]
    public void Matches_GivenAndExpected_OnlyEqualNonEmptyValuesMatch(string? given, string? expected, bool matches) =>
        Assert.Equal(matches, Secrets.Matches(given, expected));

    [Theory]
    [InlineData("Bearer abc", "abc")]
    [InlineData("bearer  abc ", "abc")]
    [InlineData("Basic abc", null)]
    [InlineData("", null)]
    [InlineData(null, null)]
    public void Bearer_Header_TheToken(string? header, string? token) => Assert.Equal(token, Secrets.Bearer(header));

    [Fact]
    public void NewToken_TwoCalls_DifferAndAreUrlSafe()
    {
        var a = Secrets.NewToken();
        var b = Secrets.NewToken();

        Assert.NotEqual(a, b);
        Assert.Equal(43, a.Length);
        Assert.Matches("^[A-Za-z0-9_-]+$", a);
    }
}
