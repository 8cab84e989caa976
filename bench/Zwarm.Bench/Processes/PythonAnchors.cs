// The Python side, run through the anchors themselves: they generate the data and time the Python implementation
// in-process (list_sessions(), _parse_output()), printing one line each that is parsed here.
using System.Globalization;
using System.Text.RegularExpressions;

namespace Zwarm.Bench.Processes;

internal sealed partial class PythonAnchors(string anchorsDirectory, string tempDirectory)
{
    private string ListScript => Path.Combine(anchorsDirectory, "bench_seed_list.py");

    private string ParseScript => Path.Combine(anchorsDirectory, "bench_seed_parse.py");

    private string OutputFile => Path.Combine(tempDirectory, "python.out");

    /// <summary>Creates <paramref name="count"/> completed sessions in the Python layout (no-op when already there).</summary>
    public void GenerateSessions(string stateDirectory, int count)
    {
        Console.Error.WriteLine($"generating {count} Python sessions in {stateDirectory} ...");
        ChildProcess.RunChecked(["python3", ListScript, stateDirectory, Num(count), "--generate-only"], OutputFile);
    }

    /// <summary>Writes a codex JSONL turn file of about <paramref name="mb"/> MiB.</summary>
    public void GenerateTurnFile(string path, double mb)
    {
        Console.Error.WriteLine($"generating a {Num(mb)} MB codex turn file {path} ...");
        ChildProcess.RunChecked(["python3", ParseScript, path, "--generate", Num(mb)], OutputFile);
    }

    /// <summary>One timed list_sessions() call: sessions listed, in-process milliseconds, and the whole process.</summary>
    public (int Count, double Ms, ChildResult Process) List(string stateDirectory)
    {
        var run = ChildProcess.RunChecked(["python3", ListScript, stateDirectory], OutputFile);
        var m = ListedLine().Match(File.ReadAllText(OutputFile));
        return m.Success
            ? (int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), Seconds(m.Groups[2].Value), run)
            : throw new InvalidOperationException($"unexpected output of {ListScript}: {File.ReadAllText(OutputFile)}");
    }

    /// <summary>One timed _parse_output() call: messages found, in-process milliseconds, the whole process (with peak RSS).</summary>
    public (int Messages, double Ms, ChildResult Process) Parse(string path)
    {
        var run = ChildProcess.RunChecked(["python3", ParseScript, path], OutputFile, measureMemory: true);
        var m = ParsedLine().Match(File.ReadAllText(OutputFile));
        return m.Success
            ? (int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), Seconds(m.Groups[2].Value), run)
            : throw new InvalidOperationException($"unexpected output of {ParseScript}: {File.ReadAllText(OutputFile)}");
    }

    /// <summary>The argv that lists an (empty) store: the Python implementation's start-up floor.</summary>
    public string[] ListCommand(string stateDirectory) => ["python3", ListScript, stateDirectory];

    private static double Seconds(string text) => double.Parse(text, CultureInfo.InvariantCulture) * 1000;

    private static string Num(double value) => value.ToString(CultureInfo.InvariantCulture);

    [GeneratedRegex(@"listed (\d+) in ([\d.]+) s")]
    private static partial Regex ListedLine();

    [GeneratedRegex(@"parsed (\d+) messages from [\d.]+ MB in ([\d.]+) s")]
    private static partial Regex ParsedLine();
}
