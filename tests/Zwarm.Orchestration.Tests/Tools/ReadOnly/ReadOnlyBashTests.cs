// The orchestrator's bash is read-only for real (issue 10, item 11): each escape the issue reproduced — and the
// other ways to change a file (rename, links, truncation, mkdir, unlink, FIFOs, a rename in from the scratch dir) —
// changes nothing outside the scratch dir, while the very same command works inside it, so a denial is never a
// typo. Real processes: zwarm's own `__readonly-exec`, bash, python3, git. Skipped, with the reason, where the kernel
// has no Landlock.
using Zwarm.Orchestration.Tests.Support;
using Zwarm.Orchestration.Tools;

namespace Zwarm.Orchestration.Tests.Tools.ReadOnly;

public sealed class ReadOnlyBashTests : IDisposable
{
    /// <summary>Each escape: the command, and a check that is true once it did what it tried.</summary>
    internal static readonly Dictionary<string, (string Command, string Proof)> Escapes = new()
    {
        ["redirect"] = ("bash -c 'echo x > f'", "grep -qx x f"),
        ["python os.system"] = ("""python3 -c "import os; os.system('touch g')" """, "test -f g"),
        ["python open"] = ("""python3 -c "open('f', 'w').write('x')" """, "grep -qx x f"),
        ["eval"] = ("eval 'echo x > f'", "grep -qx x f"),
        ["find -delete"] = ("find . -maxdepth 1 -name f -delete", "test ! -e f"),
        ["git commit"] = ("git -c user.name=t -c user.email=t@t commit -q --allow-empty -m escaped", "test \"$(git rev-list --count HEAD)\" = 2"),
        ["file outside the project"] = ("echo x > ../outside/new", "test -f ../outside/new"),
        ["append outside the project"] = ("echo x >> ../outside/o", "grep -qx x ../outside/o"),
        ["mv"] = ("mv f moved", "test -f moved"),
        ["ln -s"] = ("ln -s /etc/passwd l", "test -L l"),
        ["hard link into scratch"] = ("ln ../outside/o \"$ZWARM_SCRATCH/hl\" && echo x >> \"$ZWARM_SCRATCH/hl\"", "grep -qx x ../outside/o"),
        ["rename in from scratch"] = ("echo x > \"$ZWARM_SCRATCH/n\" && mv \"$ZWARM_SCRATCH/n\" f", "grep -qx x f"),
        ["truncate"] = ("truncate -s 0 f", "test ! -s f"),
        ["truncate(2)"] = ("""python3 -c "import os; os.truncate('f', 0)" """, "test ! -s f"),
        ["mkdir"] = ("mkdir d", "test -d d"),
        ["rm"] = ("rm f", "test ! -e f"),
        ["mkfifo"] = ("mkfifo p", "test -p p"),
    };

    private readonly CancellationToken _ct = TestTimeout.After(60);
    private readonly EscapeTree _tree = new();

    private readonly Dictionary<string, string?> _env = new()
    {
        ["PATH"] = Environment.GetEnvironmentVariable("PATH"),
        ["HOME"] = Environment.GetEnvironmentVariable("HOME"),
    };

    public static TheoryData<string> Names => [.. Escapes.Keys];

    public void Dispose() => _tree.Dispose();

    private Task<BashResult> RunAsync(string command) =>
        BashRunner.RunAsync(command, _tree.Project, TimeSpan.FromSeconds(20), 16_000, _env, BashSandbox.Detect(), _ct);

    [LandlockTheory]
    [MemberData(nameof(Names))]
    public async Task An_escape_changes_nothing_outside_the_scratch_dir(string name)
    {
        var (command, proof) = Escapes[name];
        var before = _tree.Snapshot();

        var result = await RunAsync($"{command}; {proof} && echo ESCAPED");

        Assert.Equal(before, _tree.Snapshot());
        Assert.DoesNotContain("ESCAPED", result.Stdout);
        // Landlock answers EACCES, or EXDEV for a link or rename across its rules (what `ln` and `mv` then print).
        Assert.Matches("(?i)denied|not permitted|permission|cross-device link", result.Stderr);
    }

    [LandlockTheory]
    [MemberData(nameof(Names))]
    public async Task The_same_command_works_inside_the_scratch_dir(string name)
    {
        var (command, proof) = Escapes[name];
        var before = _tree.Snapshot();

        // A copy of the whole tree (project and outside) in the scratch dir, and the command run in it.
        var result = await RunAsync($"cp -a ../. \"$ZWARM_SCRATCH/\" && cd \"$ZWARM_SCRATCH/project\" && {{ {command}; }} && {proof} && echo DONE");

        Assert.True(result.Stdout.Contains("DONE", StringComparison.Ordinal), $"stdout: {result.Stdout}\nstderr: {result.Stderr}");
        Assert.Equal(before, _tree.Snapshot());
    }

    [LandlockFact]
    public async Task The_scratch_dir_is_private_is_TMPDIR_and_is_removed_and_zwarm_itself_stays_unrestricted()
    {
        var result = await RunAsync("""stat -c %a "$ZWARM_SCRATCH"; echo "$ZWARM_SCRATCH"; echo "$TMPDIR"; mktemp""");

        var lines = result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(0, result.ExitCode);
        Assert.Equal("700", lines[0]);
        Assert.Equal(lines[1], lines[2]);
        Assert.StartsWith(lines[1] + "/", lines[3]);
        Assert.False(Directory.Exists(lines[1]), "the scratch dir outlived the run");
        // The ruleset lives in the launcher's process only: this process (and its thread pool) can still write.
        await Task.Run(() => File.WriteAllText(Path.Combine(_tree.Project, "by-zwarm"), "ok"), _ct);
        Assert.Equal("ok", await File.ReadAllTextAsync(Path.Combine(_tree.Project, "by-zwarm"), _ct));
    }

    [LandlockFact]
    public async Task A_link_left_in_the_scratch_dir_is_removed_never_followed()
    {
        var before = _tree.Snapshot();

        var result = await RunAsync("""
            ln -s "$PWD/.." "$ZWARM_SCRATCH/root" && mkdir -p "$ZWARM_SCRATCH/d/e" && touch "$ZWARM_SCRATCH/d/e/x" "$ZWARM_SCRATCH/.hidden" \
              && echo "$ZWARM_SCRATCH"
            """);

        Assert.Equal(0, result.ExitCode);
        Assert.False(Directory.Exists(result.Stdout.Trim()), "the scratch dir outlived the run");
        Assert.Equal(before, _tree.Snapshot());
    }

    [LandlockFact]
    public async Task Devices_that_discard_output_stay_writable_and_reading_works_everywhere()
    {
        var result = await RunAsync("echo x > /dev/null && echo y 2>/dev/null >&2 && cat f ../outside/o && git log --oneline | wc -l && ls /");

        Assert.Equal(0, result.ExitCode);
        Assert.StartsWith("orig\noutside\n1\n", result.Stdout);
    }
}
