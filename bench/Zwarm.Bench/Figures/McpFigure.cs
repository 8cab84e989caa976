// `zwarm mcp` over stdio, as an MCP client sees it: start-up to an answered `initialize` of zwarm-mcp (the MCP-only
// binary `zwarm mcp install` registers), of `zwarm mcp` through the lean zwarm's exec into it, and of zwarm-llm (the
// full binary, where it lived before) against the start-up of `zwarm ls --json`, all started the same way and
// interleaved run by run, so the machine's load hits each alike; fastest and median. Then the round trips of
// `list_sessions` and `check_session` tools/calls in one running server over a store of 1,000 Python-written
// sessions. Python has no MCP server: its column stays empty.
using System.Diagnostics;
using System.Text.Json.Nodes;
using Zwarm.Bench.Reporting;

namespace Zwarm.Bench.Figures;

internal static class McpFigure
{
    private const int StoreSessions = 1000;

    internal const string Initialize =
        """{"jsonrpc":"2.0","id":0,"method":"initialize","params":{"protocolVersion":"2025-11-25","capabilities":{},"clientInfo":{"name":"bench","version":"1"}}}""";

    public static IEnumerable<Figure> Run(BenchEnvironment env, Processes.PythonAnchors python)
    {
        var zwarm = env.EnsureZwarm();
        var empty = Path.Combine(env.TempDirectory, "mcp-empty-state");
        Directory.CreateDirectory(Path.Combine(empty, "sessions"));
        var runs = env.Options.Runs * 6;
        var directory = Path.GetDirectoryName(zwarm)!;
        var mcpOnly = Path.Combine(directory, "zwarm-mcp");
        var llm = Path.Combine(directory, "zwarm-llm");
        var ls = new List<double>();
        var viaLean = new List<double>();
        var direct = new List<double>();
        var full = new List<double>();
        for (var i = -2; i < runs; i++)
        {
            var l = TimeLs(zwarm, empty, env);
            double? d = null, f = null;
            if (File.Exists(mcpOnly))
            {
                using var server = McpStdioClient.Start(mcpOnly, empty, env);
                d = server.Clock.Elapsed.TotalMilliseconds;
            }
            using (var lean = McpStdioClient.Start(zwarm, empty, env))
            {
                if (i >= 0) viaLean.Add(lean.Clock.Elapsed.TotalMilliseconds);
            }
            if (File.Exists(llm))
            {
                using var server = McpStdioClient.Start(llm, empty, env);
                f = server.Clock.Elapsed.TotalMilliseconds;
            }
            if (i >= 0)
            {
                ls.Add(l);
                if (d is { } dm) direct.Add(dm);
                if (f is { } fm) full.Add(fm);
            }
        }
        var lsMs = Stats.Median(ls);
        var lsMin = ls.Min();
        var spread = $"fastest {Stats.Ms(lsMin)} / median {Stats.Ms(lsMs)}";
        string Both(List<double> samples) => $"fastest {Stats.Ms(samples.Min())} / median {Stats.Ms(Stats.Median(samples))}";
        string Ratios(List<double> samples) => $"{Stats.Ratio(samples.Min() / lsMin)} / {Stats.Ratio(Stats.Median(samples) / lsMs)}";
        var startNote = $"{runs} runs interleaved with `zwarm ls --json` on an empty store (all via Process.Start); ratios fastest/median against ls";
        if (direct.Count > 0)
        {
            var ratio = Stats.Median(direct) / lsMs;
            yield return new Figure("mcp: zwarm-mcp start-up to answered initialize", $"ls {spread}", Both(direct), Ratios(direct),
                "<= 2x ls", ratio <= 2, "the binary `zwarm mcp install` registers; " + startNote);
        }
        var viaRatio = Stats.Median(viaLean) / lsMs;
        yield return new Figure("mcp: `zwarm mcp` (lean zwarm execs zwarm-mcp) to initialize", $"ls {spread}", Both(viaLean), Ratios(viaLean),
            direct.Count > 0 ? "info" : "<= 2x ls", direct.Count > 0 ? null : viaRatio <= 2,
            "`zwarm mcp` as typed: the lean zwarm starts, then execs the MCP binary; " + startNote);
        if (full.Count > 0)
        {
            yield return new Figure("mcp: zwarm-llm mcp to initialize (before zwarm-mcp)", $"ls {spread}", Both(full), Ratios(full), "info", null,
                "the full binary, which served stdio MCP before zwarm-mcp; " + startNote);
        }

        var state = Path.Combine(env.DataDirectory, $"mcp-{StoreSessions}");
        python.GenerateSessions(state, StoreSessions);
        using var busy = McpStdioClient.Start(zwarm, state, env);
        var listed = busy.Call("list_sessions", new JsonObject { ["all"] = true });
        var count = JsonNode.Parse(listed)!["sessions"]!.AsArray().Count;
        if (count != StoreSessions)
        {
            throw new InvalidOperationException($"list_sessions listed {count} sessions, expected {StoreSessions}");
        }
        var id = (string)JsonNode.Parse(listed)!["sessions"]![0]!["id"]!;
        var own = new List<double>();
        var list = new List<double>();
        var check = new List<double>();
        for (var i = -3; i < runs * 2; i++)
        {
            var clock = Stopwatch.StartNew();
            busy.Call("list_sessions", new JsonObject());
            var ownMs = clock.Elapsed.TotalMilliseconds;
            clock.Restart();
            busy.Call("list_sessions", new JsonObject { ["all"] = true });
            var listMs = clock.Elapsed.TotalMilliseconds;
            clock.Restart();
            var checkText = busy.Call("check_session", new JsonObject { ["id"] = id });
            var checkMs = clock.Elapsed.TotalMilliseconds;
            if (!checkText.Contains(id, StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"check_session did not report {id}: {checkText}");
            }
            if (i >= 0)
            {
                own.Add(ownMs);
                list.Add(listMs);
                check.Add(checkMs);
            }
        }
        var note = $"tools/call over stdio to one running server, median of {check.Count} (3 warm-ups not counted)";
        foreach (var (name, samples) in new[] { ("list_sessions (own, the default)", own), ("check_session", check) })
        {
            var ms = Stats.Median(samples);
            yield return new Figure($"mcp: {name} round trip, {StoreSessions} sessions", "", Stats.Ms(ms), "", "<= 20 ms", ms <= 20, note);
        }
        var allMs = Stats.Median(list);
        yield return new Figure($"mcp: list_sessions all=true, {StoreSessions} rows", "", Stats.Ms(allMs), "", "info", null,
            note + "; the reply previews come from the index (no meta.json read per row); the reply is ~300 KB of JSON");
    }

    private static double TimeLs(string zwarm, string state, BenchEnvironment env)
    {
        var start = new ProcessStartInfo(zwarm) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { "ls", "--json", "--state-dir", state })
        {
            start.ArgumentList.Add(arg);
        }
        foreach (var (name, value) in env.ChildEnvironment)
        {
            start.Environment[name] = value;
        }
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        var ms = clock.Elapsed.TotalMilliseconds;
        return process.ExitCode == 0 ? ms : throw new InvalidOperationException($"zwarm ls failed: {process.StandardError.ReadToEnd()}");
    }
}
