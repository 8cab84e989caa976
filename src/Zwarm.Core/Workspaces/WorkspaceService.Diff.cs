// `zwarm diff`: a session's changes against its recorded base (or one turn's), its uncommitted work included, read
// through a temporary index so the session's own index, refs and files are never touched.
using Zwarm.Core.Sessions;

namespace Zwarm.Core.Workspaces;

public sealed partial class WorkspaceService
{
    public async Task<SessionDiff> DiffAsync(DiffRequest request, CancellationToken cancellationToken)
    {
        var (meta, workspace) = await LoadAsync(request.Session, cancellationToken).ConfigureAwait(false);
        var dir = GitDirectory(workspace);
        var worktreeThere = Directory.Exists(workspace.Worktree);
        string from, to;
        var uncommitted = false;
        string? note = worktreeThere ? null : $"the worktree {workspace.Worktree} is missing; showing the branch {workspace.Branch} as committed";
        var checkpoint = request.Turn is { } n ? workspace.TurnCommits.FirstOrDefault(t => t.Turn == n) : null;
        if (request.Turn is { } turn && checkpoint is null)
        {
            if (turn < 1 || turn > meta.Turn)
            {
                throw new ZwarmException(ErrorKind.NotFound, $"session {SessionService.ShortId(meta.Id)} has no turn {turn} (it has {meta.Turn})");
            }
            if (turn != meta.Turn || meta.Status.IsStopped())
            {
                throw new ZwarmException(ErrorKind.NotFound, $"turn {turn} of session {SessionService.ShortId(meta.Id)} left no checkpoint");
            }
        }
        if (checkpoint is not null)
        {
            (from, to) = (checkpoint.Previous, checkpoint.Head);
        }
        else
        {
            from = request.Turn is null ? workspace.Base : workspace.Head ?? workspace.Base;
            if (worktreeThere)
            {
                to = await WorkspaceSnapshot.TreeAsync(_git, workspace.Worktree, cancellationToken).ConfigureAwait(false);
                uncommitted = true;
            }
            else
            {
                to = await BranchHeadAsync(workspace, cancellationToken).ConfigureAwait(false);
            }
        }

        var text = "";
        IReadOnlyList<DiffFile> files = [];
        if (request.Format == DiffFormat.Files)
        {
            files = await FilesAsync(dir, from, to, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            List<string> arguments = ["diff", request.Color ? "--color=always" : "--no-color"];
            arguments.AddRange(request.Format switch
            {
                DiffFormat.Stat => ["--stat"],
                DiffFormat.NameOnly => ["--name-only"],
                _ => [],
            });
            arguments.AddRange([from, to, "--"]);
            text = (await _git.RunCheckedAsync(dir, arguments, null, "cannot compute the diff", cancellationToken)
                .ConfigureAwait(false)).Output;
        }
        return new SessionDiff(meta.Id, workspace.Branch, from, to, uncommitted, text, files, note);
    }

    private async Task<IReadOnlyList<DiffFile>> FilesAsync(string dir, string from, string to, CancellationToken cancellationToken)
    {
        var status = await _git.RunCheckedAsync(dir, ["diff", "--name-status", "-z", "--no-renames", from, to, "--"], null,
            "cannot compute the diff", cancellationToken).ConfigureAwait(false);
        var numstat = await _git.RunCheckedAsync(dir, ["diff", "--numstat", "-z", "--no-renames", from, to, "--"], null,
            "cannot compute the diff", cancellationToken).ConfigureAwait(false);
        var patch = await _git.RunCheckedAsync(dir, ["diff", "--no-color", "--no-renames", from, to, "--"], null,
            "cannot compute the diff", cancellationToken).ConfigureAwait(false);

        var counts = new Dictionary<string, (int Added, int Removed, bool Binary)>(StringComparer.Ordinal);
        foreach (var record in numstat.Records)
        {
            var parts = record.Split('\t', 3);
            if (parts.Length == 3)
            {
                var binary = parts[0] == "-";
                counts[parts[2]] = (binary ? 0 : int.Parse(parts[0]), binary ? 0 : int.Parse(parts[1]), binary);
            }
        }
        // git prints the files in the same order in every format; the patch is cut at each "diff --git" header.
        var patches = SplitPatch(patch.Output);
        var files = new List<DiffFile>();
        var records = status.Records;
        for (var i = 0; i + 1 < records.Count; i += 2)
        {
            var path = records[i + 1];
            var (added, removed, binary) = counts.GetValueOrDefault(path);
            var index = files.Count;
            files.Add(new DiffFile(path, records[i][..1], added, removed, binary, index < patches.Count ? patches[index] : ""));
        }
        return files;
    }

    private static List<string> SplitPatch(string patch)
    {
        var parts = new List<string>();
        var start = -1;
        var position = 0;
        while (position < patch.Length)
        {
            if (string.CompareOrdinal(patch, position, "diff --git ", 0, 11) == 0)
            {
                if (start >= 0)
                {
                    parts.Add(patch[start..position]);
                }
                start = position;
            }
            var newline = patch.IndexOf('\n', position);
            position = newline < 0 ? patch.Length : newline + 1;
        }
        if (start >= 0)
        {
            parts.Add(patch[start..]);
        }
        return parts;
    }
}
