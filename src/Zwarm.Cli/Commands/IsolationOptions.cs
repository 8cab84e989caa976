using System.CommandLine;
using Zwarm.Cli.Infrastructure;
using Zwarm.Core;
using Zwarm.Core.Config;
using Zwarm.Core.Sessions;

namespace Zwarm.Cli.Commands;

/// <summary>spawn's and exec's isolation options: --worktree / --no-worktree, --branch, --base, --carry.</summary>
internal sealed class IsolationOptions
{
    private readonly Option<bool> _worktree = new("--worktree") { Description = "Work in a new git worktree on branch zwarm/<id> (see docs/isolation.md)" };
    private readonly Option<bool> _noWorktree = new("--no-worktree") { Description = "Work in the directory itself, whatever executor.isolation says" };
    private readonly Option<string?> _branch = new("--branch") { Description = "With --worktree: the new branch's name (default zwarm/<short id>)" };
    private readonly Option<string?> _base = new("--base") { Description = "With --worktree: start from this commit or branch (default HEAD)" };
    private readonly Option<bool> _carry = new("--carry") { Description = "With --worktree: bring your uncommitted tracked changes along" };

    public void AddTo(Command command)
    {
        command.Options.Add(_worktree);
        command.Options.Add(_noWorktree);
        command.Options.Add(_branch);
        command.Options.Add(_base);
        command.Options.Add(_carry);
    }

    public StartRequest Apply(CommandContext ctx, StartRequest request)
    {
        var worktree = ctx.Get(_worktree);
        var none = ctx.Get(_noWorktree);
        var needsWorktree = ctx.Get(_branch) is not null || ctx.Get(_base) is not null || ctx.Get(_carry);
        if (none && (worktree || needsWorktree))
        {
            throw new ZwarmException(ErrorKind.Usage, "--no-worktree does not go with --worktree, --branch, --base or --carry");
        }
        IsolationMode? mode = none ? IsolationMode.None : worktree || needsWorktree ? IsolationMode.Worktree : null;
        return request with { Isolation = mode, Branch = ctx.Get(_branch), Base = ctx.Get(_base), Carry = ctx.Get(_carry) };
    }

    /// <summary>The one line about an isolated session's worktree (and the uncommitted changes it did not get).</summary>
    public static void Report(CommandContext ctx, SessionMeta meta)
    {
        if (meta.Workspace is not { } workspace)
        {
            return;
        }
        ctx.Terminal.Note($"worktree {workspace.Worktree} on branch {workspace.Branch} (from {workspace.Base[..Math.Min(10, workspace.Base.Length)]})");
        if (workspace.LeftBehind > 0)
        {
            ctx.Terminal.Note($"note: {workspace.LeftBehind} file(s) with uncommitted changes in {workspace.Repo} are not in the worktree (commit them first, or spawn with --carry)");
        }
    }
}
