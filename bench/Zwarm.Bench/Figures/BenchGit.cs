// Real git for the isolation figure: a repository of N small committed files, packed as a user's repository
// usually is (so a clone copies a pack, not N loose objects), git run as a measured child, and disk use from du.
using System.Globalization;
using Zwarm.Bench.Processes;

namespace Zwarm.Bench.Figures;

internal static class BenchGit
{
    /// <summary>Creates <paramref name="dir"/> as a repository on branch main with one commit of <paramref name="files"/> files.</summary>
    public static string CreateRepository(string dir, int files)
    {
        Directory.CreateDirectory(dir);
        for (var i = 0; i < files; i++)
        {
            var folder = Path.Combine(dir, "src", $"d{i / 100:D4}");
            if (i % 100 == 0)
            {
                Directory.CreateDirectory(folder);
            }
            File.WriteAllText(Path.Combine(folder, $"f{i % 100:D2}.txt"), $"file {i}\nline two of file {i}\n");
        }
        Run(dir, "init", "--quiet", "--initial-branch=main");
        // No automatic gc: it would start in the middle of a timed run.
        foreach (var (key, value) in new[] { ("user.name", "bench"), ("user.email", "bench@localhost"), ("gc.auto", "0"), ("commit.gpgsign", "false") })
        {
            Run(dir, "config", key, value);
        }
        Run(dir, "add", "-A");
        Run(dir, "commit", "--quiet", "-m", $"{files} files");
        Run(dir, "repack", "-a", "-d", "-q");
        return dir;
    }

    /// <summary>`git -C DIR ARGS`, measured; fails loudly on a non-zero exit.</summary>
    public static ChildResult Run(string dir, params string[] args) => ChildProcess.RunChecked(["git", "-C", dir, .. args]);

    /// <summary>Disk use in KB of all <paramref name="paths"/> together (`du -sk -c`: a file hard-linked twice counts once).</summary>
    public static long DiskKb(string scratch, params string[] paths)
    {
        var output = Path.Combine(scratch, "du.txt");
        ChildProcess.RunChecked(["du", "-s", "-k", "-c", .. paths], output);
        var total = File.ReadLines(output).Last().Split('\t')[0];
        return long.Parse(total, CultureInfo.InvariantCulture);
    }
}
