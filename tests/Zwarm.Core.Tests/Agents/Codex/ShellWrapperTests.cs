using Zwarm.Core.Agents.Codex;

namespace Zwarm.Core.Tests.Agents.Codex;

public sealed class ShellWrapperTests
{
    [Theory]
    [InlineData("/bin/bash -c 'echo hi > out.txt && cat out.txt'", "echo hi > out.txt && cat out.txt")]
    [InlineData("/bin/bash -lc 'ls -la'", "ls -la")]
    [InlineData("bash -lc 'git status'", "git status")]
    [InlineData("/usr/bin/zsh -lc 'make test'", "make test")]
    [InlineData("/bin/sh -c 'echo $HOME'", "echo $HOME")]
    // Quotes inside the script, as shlex-style joining writes them.
    [InlineData("/bin/bash -c 'echo '\"'\"'it'\"'\"'s'\"'\"''", "echo 'it's'")]
    [InlineData("/bin/bash -c 'printf '\\''%s\\n'\\'' x'", "printf '%s\\n' x")]
    [InlineData("/bin/bash -c \"echo \\\"quoted\\\" \\$HOME\"", "echo \"quoted\" $HOME")]
    public void Unwrap_ReturnsTheScriptOfAShellWrapper(string reported, string expected) =>
        Assert.Equal(expected, ShellWrapper.Unwrap(reported));

    [Theory]
    [InlineData("ls -la")]
    [InlineData("echo hi > out.txt && cat out.txt")]
    [InlineData("/bin/bash -c 'echo unterminated")]
    [InlineData("/bin/bash script.sh")]
    [InlineData("python3 -c 'print(1)'")]
    [InlineData("/bin/bash -c 'echo a' extra")]
    [InlineData("")]
    public void Unwrap_LeavesAnythingElseAlone(string reported) =>
        Assert.Equal(reported, ShellWrapper.Unwrap(reported));

    [Fact]
    public void Split_HandlesQuotesAndBackslashesLikeAPosixShell()
    {
        Assert.Equal(["a b", "c", "d'e", "f\"g"], ShellWrapper.Split("'a b' c d\\'e \"f\\\"g\""));
        Assert.Null(ShellWrapper.Split("\"open"));
    }
}
