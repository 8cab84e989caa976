// A minimal MCP client over stdio for the benchmark (newline-delimited JSON-RPC, no SDK): starts `zwarm mcp`, times
// it to the initialize answer, then sends tools/call requests one at a time and reads their answers.
using System.Diagnostics;
using System.Text.Json.Nodes;

namespace Zwarm.Bench.Figures;

/// <summary>A running `zwarm mcp`, initialized; <see cref="Clock"/> stopped at the initialize answer.</summary>
internal sealed class McpStdioClient : IDisposable
{
    private readonly Process _process;
    private int _nextId = 1;

    private McpStdioClient(Process process, Stopwatch clock)
    {
        _process = process;
        Clock = clock;
    }

    public Stopwatch Clock { get; }

    public static McpStdioClient Start(string zwarm, string state, BenchEnvironment env)
    {
        var start = new ProcessStartInfo(zwarm) { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { "--state-dir", state, "mcp" })
        {
            start.ArgumentList.Add(arg);
        }
        foreach (var (name, value) in env.ChildEnvironment)
        {
            start.Environment[name] = value;
        }
        var clock = Stopwatch.StartNew();
        var process = Process.Start(start)!;
        process.ErrorDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        var server = new McpStdioClient(process, clock);
        server.Send(McpFigure.Initialize);
        server.ReadResponse(0);
        clock.Stop();
        server.Send("""{"jsonrpc":"2.0","method":"notifications/initialized"}""");
        return server;
    }

    /// <summary>A tools/call; returns the text of its result (throws on a JSON-RPC error or isError).</summary>
    public string Call(string tool, JsonObject arguments)
    {
        var id = _nextId++;
        Send(new JsonObject
        {
            ["jsonrpc"] = "2.0", ["id"] = id, ["method"] = "tools/call",
            ["params"] = new JsonObject { ["name"] = tool, ["arguments"] = arguments },
        }.ToJsonString());
        var result = ReadResponse(id);
        if ((bool?)result["isError"] == true)
        {
            throw new InvalidOperationException($"{tool} failed: {result.ToJsonString()}");
        }
        return string.Concat(result["content"]!.AsArray().Select(c => (string?)c!["text"]));
    }

    public void Dispose()
    {
        _process.StandardInput.Close();
        if (!_process.WaitForExit(TimeSpan.FromSeconds(10)))
        {
            _process.Kill();
        }
        _process.Dispose();
    }

    private void Send(string json)
    {
        _process.StandardInput.Write(json + "\n");
        _process.StandardInput.Flush();
    }

    private JsonNode ReadResponse(int id)
    {
        while (_process.StandardOutput.ReadLine() is { } line)
        {
            if (line.Length == 0 || JsonNode.Parse(line) is not JsonObject message || (int?)message["id"] != id)
            {
                continue; // notifications (progress, list changes) are not answers
            }
            return message["result"] ?? throw new InvalidOperationException($"JSON-RPC error: {line}");
        }
        throw new InvalidOperationException("zwarm mcp closed its stdout");
    }
}
