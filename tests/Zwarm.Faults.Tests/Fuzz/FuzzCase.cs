// One fuzz case: which file of the store it damages and how (drawn from the case's own seed, so case N is always
// the same input), and the verbs that read what it damaged.
using System.Text;

namespace Zwarm.Faults.Tests.Fuzz;

internal sealed record FuzzCase(int Number, FuzzTarget Target, string What)
{
    // Weights of the targets, in FuzzTarget's order.
    private static readonly int[] Weights = [26, 20, 12, 3, 8, 3, 6, 10, 8, 2, 2];

    public override string ToString() => $"case {Number} ({Target}: {What})";

    /// <summary>Draws case <paramref name="number"/> of <paramref name="seed"/> and applies it to <paramref name="store"/>.</summary>
    public static FuzzCase Apply(int seed, int number, FuzzStore store, CraftedPids pids)
    {
        // Not HashCode.Combine: its seed differs in every process, and case N must be the same input in every run.
        var random = new Random(unchecked((seed * 1_000_003) + number));
        var target = Pick(random);
        var id = store.Victim;
        var s = store.Store;
        var outside = Path.Combine(store.Outside, "file");
        string what;
        switch (target)
        {
            case FuzzTarget.Meta:
                what = FileMutator.Apply(s.MetaPath(id), store.Original("meta.json"), json: true, lines: false, outside, random);
                break;
            case FuzzTarget.CraftedPids:
                what = pids.Apply(s.MetaPath(id), s.TurnsDirectory(id), store.Original("meta.json"), random);
                break;
            case FuzzTarget.TurnFile:
                what = FileMutator.Apply(s.TurnPath(id, 1), store.Original("turns/turn_1.jsonl"), json: true, lines: true, outside, random);
                break;
            case FuzzTarget.Stderr:
                what = FileMutator.Apply(s.StderrPath(id, 1), store.Original("turns/turn_1.stderr"), json: false, lines: false, outside, random);
                break;
            case FuzzTarget.ExitRecord:
                what = FileMutator.Apply(s.ExitPath(id, 1), store.Original("turns/turn_1.exit.json"), json: true, lines: false, outside, random);
                break;
            case FuzzTarget.ExitReservation:
                // The supervisor's reserved record, left behind when its rename failed.
                var tmp = s.ExitPath(id, 1) + ".tmp";
                File.Move(s.ExitPath(id, 1), tmp);
                what = ".tmp: " + FileMutator.Apply(tmp, store.Original("turns/turn_1.exit.json"), json: true, lines: false, outside, random);
                break;
            case FuzzTarget.PidFile:
                what = MutatePidFile(Path.Combine(s.TurnsDirectory(id), "turn_1.pid"), store, pids, outside, random);
                break;
            case FuzzTarget.Index:
                new Zwarm.Core.Sessions.SessionIndex(s).Read();
                var index = Path.Combine(s.SessionsDirectory, Zwarm.Core.Sessions.SessionIndex.FileName);
                what = FileMutator.Apply(index, File.ReadAllBytes(index), json: true, lines: true, outside, random);
                break;
            case FuzzTarget.InstanceState:
                what = FileMutator.Apply(store.StatePath, File.ReadAllBytes(store.StatePath), json: true, lines: false, outside, random);
                break;
            case FuzzTarget.SessionFolder:
                what = ReplaceFolder(s.SessionDirectory(id), Path.Combine(store.Outside, "session"), random);
                break;
            default:
                what = "turns/: " + ReplaceFolder(s.TurnsDirectory(id), Path.Combine(store.Outside, "turns"), random);
                break;
        }
        return new FuzzCase(number, target, what);
    }

    /// <summary>The verbs that read what the case damaged (read-only ones first, then kill and the removals).</summary>
    public IReadOnlyList<string[]> Verbs(FuzzStore store)
    {
        var v = store.Victim;
        return Target switch
        {
            FuzzTarget.Index => [["ls"], ["ls", "--json"], ["ls", "--status", "completed"], ["show", "last"], ["status", "--json"]],
            FuzzTarget.InstanceState => [["status"], ["status", "--json"], ["instances"], ["instances", "--json"], ["history"], ["ls"]],
            _ =>
            [
                ["ls"], ["ls", "--json"], ["show", v], ["show", v, "--raw"], ["traj", v], ["logs", v], ["logs", v, "--raw"],
                ["logs", v, "--stderr"], ["peek", v], ["status"], ["wait", v, "--timeout", "0s"], ["__finalize", v, "1"],
                ["kill", v], ["clean", "--dry-run", "--older-than", "0s"], ["rm", v], ["rm", "--force", v],
            ],
        };
    }

    private static FuzzTarget Pick(Random random)
    {
        var roll = random.Next(Weights.Sum());
        for (var i = 0; i < Weights.Length; i++)
        {
            if ((roll -= Weights[i]) < 0)
            {
                return (FuzzTarget)i;
            }
        }
        return FuzzTarget.Meta;
    }

    private static string MutatePidFile(string path, FuzzStore store, CraftedPids pids, string outside, Random random)
    {
        if (random.Next(2) == 0)
        {
            return FileMutator.Apply(path, store.Original("turns/turn_1.pid"), json: false, lines: false, outside, random);
        }
        string[] texts = ["", " ", "abc", "-5", "+7", "0x10", "99999999999999999999", "1.5", "7\0", "\u0661\u0662"];
        var text = random.Next(2) == 0 ? $"{pids.Pids[random.Next(pids.Pids.Length)]}\n" : texts[random.Next(texts.Length)];
        File.WriteAllBytes(path, Encoding.UTF8.GetBytes(text));
        return $"pid file '{text.Trim()}'";
    }

    // A session or turns folder that is a link to a copy outside the store, a plain file, or missing.
    private static string ReplaceFolder(string folder, string outsideCopy, Random random)
    {
        switch (random.Next(3))
        {
            case 0:
                CopyTree(folder, outsideCopy);
                FuzzStore.RemoveAny(folder);
                Directory.CreateSymbolicLink(folder, outsideCopy);
                return "a link to a copy outside the store";
            case 1:
                FuzzStore.RemoveAny(folder);
                File.WriteAllText(folder, "{}");
                return "a file";
            default:
                FuzzStore.RemoveAny(folder);
                return "missing";
        }
    }

    private static void CopyTree(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
