using Zwarm.Core.Sessions;

namespace Zwarm.Core.Tests.Sessions;

public sealed class SessionIdTests
{
    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("../etc")]
    [InlineData("..")]
    [InlineData("a/b")]
    [InlineData("abc def")]
    [InlineData("zzzz")]
    [InlineData("0123456789abcdef0123456789abcdef012345")]
    public void Validate_RejectsAnythingThatIsNotAnIdOrPrefix(string input)
    {
        Assert.NotNull(SessionId.Validate(input));
    }

    [Theory]
    [InlineData("a")]
    [InlineData("3f2a")]
    [InlineData("3F2A-")]
    [InlineData("3f2a9c1e-0b7d-4a55-9e41-0c1f7f8f2e11")]
    public void Validate_AcceptsHexPrefixesAndFullIds(string input)
    {
        Assert.Null(SessionId.Validate(input));
    }

    [Fact]
    public void New_IsAFullLowercaseUuid()
    {
        var id = SessionId.New();
        Assert.True(SessionId.IsFull(id));
        Assert.Equal(id.ToLowerInvariant(), id);
    }
}
