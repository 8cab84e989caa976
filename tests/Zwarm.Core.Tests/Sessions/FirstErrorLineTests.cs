using Zwarm.Core.Sessions;

namespace Zwarm.Core.Tests.Sessions;

public sealed class FirstErrorLineTests
{
    [Fact]
    public void ACodexStartUpFailure_IsItsErrorLine_NotTheBacktracesLastFrame()
    {
        string[] stderr =
        [
            "Reading additional input from stdin...",
            "2026-12-07T02:00:00.000000Z  WARN codex_core::models: Model metadata for `llama3.1` not found",
            "Error: OSS setup failed: Ollama 0.13.0 is too old. Please upgrade Ollama to 0.13.4 or newer.",
            "",
            "Stack backtrace:",
            "   0: std::backtrace::Backtrace::capture",
            "  13: <unknown>",
        ];

        Assert.Equal("Error: OSS setup failed: Ollama 0.13.0 is too old. Please upgrade Ollama to 0.13.4 or newer.",
            FirstErrorLine.Pick(stderr));
    }

    [Fact]
    public void WithoutAnErrorLine_TheFirstPlainLineWins_ThenTheLast()
    {
        Assert.Equal("cannot open workspace", FirstErrorLine.Pick(["Reading prompt from stdin...", "warning: odd", "cannot open workspace", "  3: frame"]));
        Assert.Equal("  3: frame".Trim(), FirstErrorLine.Pick(["warning: odd", "3: frame"]));
        Assert.Null(FirstErrorLine.Pick(["", "  "]));
    }

    [Fact]
    public void ReadsTheFile_AndAMissingFileIsNull()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, "noise\nERROR: the model server refused the key\n0: frame\n");
            Assert.Equal("ERROR: the model server refused the key", FirstErrorLine.Read(path));
            Assert.Null(FirstErrorLine.Read(path + ".missing"));
        }
        finally
        {
            File.Delete(path);
        }
    }
}
