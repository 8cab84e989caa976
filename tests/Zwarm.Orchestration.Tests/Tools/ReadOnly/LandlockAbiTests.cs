// Every Landlock ABI's ruleset, proved on this kernel: `__readonly-exec --abi N` builds the ruleset an older kernel
// would get (its own handled rights only), and every escape must still change nothing — except the one a kernel
// before ABI 3 cannot deny (truncate(2) on a path: Landlock only handles truncation from ABI 3, Linux 6.2).
using System.Diagnostics;
using Zwarm.Core.Sandbox;
using Zwarm.Orchestration.Tests.Support;
using Zwarm.Orchestration.Tools;

namespace Zwarm.Orchestration.Tests.Tools.ReadOnly;

public sealed class LandlockAbiTests : IDisposable
{
    private readonly CancellationToken _ct = TestTimeout.After(60);
    private readonly EscapeTree _tree = new();
    private readonly TempDirectory _scratch = new("zwarm-scratch-");

    public void Dispose()
    {
        _tree.Dispose();
        _scratch.Dispose();
    }

    [Fact]
    public void Each_abi_handles_the_rights_it_knows_and_no_more()
    {
        Assert.Equal(0UL, LandlockAccess.HandledFs(0));
        Assert.Equal(0x1FFFUL, LandlockAccess.HandledFs(1));
        Assert.Equal(0x1FFFUL | LandlockAccess.Refer, LandlockAccess.HandledFs(2));
        Assert.Equal(LandlockAccess.HandledFs(2) | LandlockAccess.Truncate, LandlockAccess.HandledFs(3));
        Assert.Equal(LandlockAccess.HandledFs(3), LandlockAccess.HandledFs(4)); // ABI 4 added network rights only
        Assert.Equal(0xFFFFUL, LandlockAccess.HandledFs(5));
        Assert.Equal(0xFFFFUL, LandlockAccess.HandledFs(7));
        Assert.Equal(0UL, LandlockAccess.Scoped(5));
        Assert.Equal(3UL, LandlockAccess.Scoped(6));
        Assert.Equal([8, 8, 8, 16, 16, 24, 24], Enumerable.Range(1, 7).Select(LandlockAccess.RulesetAttrSize));
    }

    [LandlockTheory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(6)]
    [InlineData(7)]
    public async Task Every_escape_fails_under_each_abi_s_ruleset(int abi)
    {
        var escapes = ReadOnlyBashTests.Escapes
            .Where(e => abi >= 3 || e.Key != "truncate(2)")
            .Select(e => $"( {e.Value.Command} ) 2>/dev/null; {e.Value.Proof} && echo 'ESCAPED: {e.Key}'");
        var before = _tree.Snapshot();

        var (code, stdout, stderr) = await LaunchAsync(abi, string.Join('\n', escapes) + "\necho END");

        Assert.Equal(before, _tree.Snapshot());
        Assert.Equal("END\n", stdout);
        Assert.True(code == 0, $"exit {code}: {stderr}");
    }

    [Fact]
    public async Task The_launcher_runs_nothing_when_it_cannot_apply_the_ruleset()
    {
        var marker = Path.Combine(_tree.Project, "ran");

        var (code, stdout, stderr) = await LaunchAsync(null, $"echo ran > {marker}", scratch: "not/absolute");

        Assert.Equal(126, code);
        Assert.Equal("", stdout);
        Assert.StartsWith("zwarm: cannot run it read-only", stderr);
        Assert.False(File.Exists(marker));
    }

    private async Task<(int Code, string Stdout, string Stderr)> LaunchAsync(int? abi, string script, string? scratch = null)
    {
        var launcher = BashSandbox.Detect().Launcher ?? throw new InvalidOperationException("no zwarm beside the tests");
        var psi = new ProcessStartInfo(launcher)
        {
            WorkingDirectory = _tree.Project, RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true,
        };
        var args = new List<string> { BashSandbox.Verb };
        if (abi is { } n)
        {
            args.AddRange(["--abi", n.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        }
        args.AddRange([scratch ?? _scratch.Path, "--", "/bin/bash", "-c", script]);
        args.ForEach(psi.ArgumentList.Add);
        using var process = Process.Start(psi)!;
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync(_ct);
        var stderr = process.StandardError.ReadToEndAsync(_ct);
        try
        {
            await process.WaitForExitAsync(_ct);
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
        return (process.ExitCode, await stdout, await stderr);
    }
}
