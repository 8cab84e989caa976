// `zwarm doctor` says whether this machine can make the orchestrator's bash read-only (the kernel's Landlock ABI),
// in its text and its JSON.
using System.Text.Json;
using Zwarm.Cli.Tests.Support;
using Zwarm.Core.Sandbox;

namespace Zwarm.Cli.Tests.Commands;

public sealed class DoctorReadOnlyBashTests : IDisposable
{
    private readonly CliRunner _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task Doctor_reports_the_kernels_landlock_abi_or_why_bash_cannot_be_read_only()
    {
        var expected = ReadOnlySandbox.Probe();

        var json = JsonDocument.Parse((await _cli.RunAsync("doctor", "--json")).Out).RootElement.GetProperty("read_only_bash");
        var text = (await _cli.RunAsync("doctor")).Out;

        Assert.Equal(expected.Abi, json.GetProperty("abi").GetInt32());
        Assert.Equal(expected.Enforceable, json.GetProperty("enforceable").GetBoolean());
        Assert.Contains(expected.Enforceable
            ? $"read-only bash Landlock ABI {expected.Abi}: writes are denied outside a private scratch dir"
            : "the orchestrator's bash is not offered unless [orchestrator] bash_unsandboxed = true", text);
    }
}
