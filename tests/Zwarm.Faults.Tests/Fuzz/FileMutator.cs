// Mutations of one file of the store as bytes or as a file: truncated, bytes flipped, invalid UTF-8, emptied,
// garbage, and special files in its place (a link to /dev/zero, to a file outside the store, a dangling link, a
// directory, a FIFO, nothing). JSON files also get JsonMutator's structured mutations, line by line for JSONL.
using System.Runtime.InteropServices;
using System.Text;

namespace Zwarm.Faults.Tests.Fuzz;

internal static class FileMutator
{
    /// <summary>Mutates the file at <paramref name="path"/> (which holds <paramref name="original"/>); returns what was done.</summary>
    public static string Apply(string path, byte[] original, bool json, bool lines, string outside, Random random)
    {
        var roll = random.Next(json ? 20 : 12);
        switch (roll)
        {
            case 0:
                var cut = original.Length == 0 ? 0 : random.Next(original.Length);
                File.WriteAllBytes(path, original[..cut]);
                return $"truncated to {cut} bytes";
            case 1:
                var flipped = (byte[])original.Clone();
                var flips = 1 + random.Next(8);
                for (var i = 0; i < flips && flipped.Length > 0; i++)
                {
                    flipped[random.Next(flipped.Length)] = (byte)random.Next(256);
                }
                File.WriteAllBytes(path, flipped);
                return $"{flips} bytes changed";
            case 2:
                File.WriteAllBytes(path, InsertInvalidUtf8(original, random));
                return "invalid UTF-8 inside a string";
            case 3:
                File.WriteAllBytes(path, []);
                return "empty";
            case 4:
                var garbage = new byte[random.Next(1, 4096)];
                random.NextBytes(garbage);
                File.WriteAllBytes(path, garbage);
                return "binary garbage";
            case 5:
                File.WriteAllBytes(path, [.. original, .. Encoding.UTF8.GetBytes("\n{\"type\":\"x\"}\n\u001b[2J\n"), 0xFF, 0xFE]);
                return "garbage appended";
            case 6:
                Replace(path, () => File.CreateSymbolicLink(path, "/dev/zero"));
                return "a link to /dev/zero";
            case 7:
                File.WriteAllBytes(outside, original);
                Replace(path, () => File.CreateSymbolicLink(path, outside));
                return "a link to a copy outside the store";
            case 8:
                Replace(path, () => File.CreateSymbolicLink(path, path + ".nowhere"));
                return "a dangling link";
            case 9:
                Replace(path, () => Directory.CreateDirectory(path));
                return "a directory";
            case 10:
                Replace(path, () => Assert.Equal(0, MakeFifo(path, 0x180)));
                return "a FIFO";
            case 11:
                Replace(path, () => { });
                return "missing";
            default:
                return lines ? MutateLine(path, original, random) : MutateJson(path, original, random);
        }
    }

    private static string MutateJson(string path, byte[] original, Random random)
    {
        if (JsonMutator.Mutate(original, random) is not { } mutated)
        {
            File.WriteAllBytes(path, []);
            return "empty (the original did not parse)";
        }
        File.WriteAllBytes(path, mutated.Bytes);
        return mutated.What;
    }

    private static string MutateLine(string path, byte[] original, Random random)
    {
        var text = Encoding.UTF8.GetString(original).Split('\n').ToList();
        var candidates = Enumerable.Range(0, text.Count).Where(i => text[i].StartsWith('{')).ToList();
        if (candidates.Count == 0)
        {
            return "unchanged (no JSON line)";
        }
        var at = candidates[random.Next(candidates.Count)];
        if (JsonMutator.Mutate(Encoding.UTF8.GetBytes(text[at]), random) is not { } mutated)
        {
            return "unchanged (the line did not parse)";
        }
        text[at] = Encoding.UTF8.GetString(mutated.Bytes).Replace('\n', ' ');
        File.WriteAllText(path, string.Join('\n', text));
        return $"line {at + 1}: {mutated.What}";
    }

    private static byte[] InsertInvalidUtf8(byte[] original, Random random)
    {
        var quotes = Enumerable.Range(0, original.Length).Where(i => original[i] == (byte)'"').ToList();
        var at = quotes.Count == 0 ? 0 : quotes[random.Next(quotes.Count)] + 1;
        byte[][] bad = [[0xFF], [0xC3, 0x28], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xC0, 0xAF]];
        return [.. original[..at], .. bad[random.Next(bad.Length)], .. original[at..]];
    }

    private static void Replace(string path, Action create)
    {
        File.Delete(path);
        create();
    }

    [DllImport("libc", EntryPoint = "mkfifo")]
    private static extern int MakeFifo(string path, uint mode);
}
