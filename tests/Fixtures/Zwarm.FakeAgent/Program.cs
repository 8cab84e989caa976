// A fake agent CLI for zwarm's lifecycle tests. It answers to the same command lines as the real CLIs
// (`exec [resume ID] ... PROMPT` like Codex, `-p PROMPT ...` like Claude Code) and prints their JSONL shapes,
// steered by directives inside the prompt:
//   @sleep=SECONDS     wait before finishing (after the opening events)
//   @exit=N            exit with code N (a non-zero code also prints the CLI's failure event)
//   @fail=TEXT         report a failed turn with TEXT and exit 1
//   @ignore-signals    ignore SIGINT and SIGTERM (only SIGKILL stops it), saying "ignored SIGINT" on stderr
//   @crash             write half a line, then abort (SIGABRT)
//   @lines=N           print N extra numbered messages (to check nothing is lost)
//   @malformed         print a line that is not JSON
//   @stream=N          print N messages 100 ms apart
//   @echo-env=NAME     reply with the value of environment variable NAME
//   @write=PATH        create PATH (relative to the working directory) containing "fake"
//   @wait-file=PATH    wait until PATH exists before finishing (lets a test hold a turn open without timing)
//   @unauthorized      like a CLI whose key is refused: a 401 line (Codex: an error event; Claude: an api_retry line)
//                      every 200 ms, retrying for ever (only a signal stops it)
//   @put=PATH=TEXT     write TEXT and a newline to PATH (relative to the working directory; several allowed)
//   @delete=PATH       delete PATH
//   @resolve           remove git's conflict-marker lines from every file below the working directory (keeps both sides)
//   @commit=MESSAGE    commit everything itself (git add -A; git commit), as an agent that commits on its own would
// Cumulative usage per conversation is kept in $FAKE_AGENT_HOME (default: the temp dir) so a resume reports
// thread-cumulative numbers, like Codex.
using System.Runtime.InteropServices;
using System.Text.Json;
using System.Text.Json.Nodes;

var mode = args.Length > 0 && args[0] == "exec" ? "codex" : "claude";
var prompt = FindPrompt(args, mode);
string? resumeId = null;
if (mode == "codex" && args.Length > 1 && args[1] == "resume")
{
    resumeId = args.Skip(2).FirstOrDefault(a => !a.StartsWith('-') && Guid.TryParse(a, out _));
}
if (mode == "claude")
{
    resumeId = Value(args, "--resume");
}
var conversation = resumeId ?? Value(args, "--session-id") ?? Guid.NewGuid().ToString();
var directives = prompt.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Where(w => w.StartsWith('@')).ToList();
string? Directive(string name) =>
    directives.Where(d => d.StartsWith($"@{name}=", StringComparison.Ordinal)).Select(d => d[(name.Length + 2)..]).LastOrDefault();
bool Flag(string name) => directives.Contains($"@{name}");

var registrations = new List<PosixSignalRegistration>();
if (Flag("ignore-signals"))
{
    foreach (var s in new[] { PosixSignal.SIGINT, PosixSignal.SIGTERM })
    {
        registrations.Add(PosixSignalRegistration.Create(s, ctx =>
        {
            ctx.Cancel = true;
            Console.Error.WriteLine($"ignored {ctx.Signal}");
        }));
    }
}

var stdout = Console.OpenStandardOutput();
void Emit(JsonObject obj)
{
    var bytes = JsonSerializer.SerializeToUtf8Bytes(obj, FakeJson.Default.JsonObject);
    stdout.Write(bytes);
    stdout.WriteByte((byte)'\n');
    stdout.Flush();
}

var home = Environment.GetEnvironmentVariable("FAKE_AGENT_HOME") ?? Path.GetTempPath();
var statePath = Path.Combine(home, $"fake-agent-{conversation}.json");
long previousInput = 0, previousOutput = 0;
var turnNumber = 1;
if (File.Exists(statePath))
{
    var state = JsonNode.Parse(File.ReadAllText(statePath))!;
    previousInput = (long)state["input"]!;
    previousOutput = (long)state["output"]!;
    turnNumber = (int)state["turns"]! + 1;
}
long input = 100, output = 20;

if (mode == "codex")
{
    Emit(new JsonObject { ["type"] = "thread.started", ["thread_id"] = conversation });
    Emit(new JsonObject { ["type"] = "turn.started" });
}
else
{
    Emit(new JsonObject
    {
        ["type"] = "system", ["subtype"] = "init", ["session_id"] = conversation, ["model"] = Value(args, "--model") ?? "fake-model",
        ["cwd"] = Environment.CurrentDirectory,
    });
}

void Say(string text)
{
    if (mode == "codex")
    {
        Emit(new JsonObject
        {
            ["type"] = "item.completed",
            ["item"] = new JsonObject { ["id"] = $"item_{Guid.NewGuid():N}", ["type"] = "agent_message", ["text"] = text },
        });
    }
    else
    {
        Emit(new JsonObject
        {
            ["type"] = "assistant", ["session_id"] = conversation,
            ["message"] = new JsonObject
            {
                ["role"] = "assistant", ["model"] = "fake-model",
                ["content"] = new JsonArray(new JsonObject { ["type"] = "text", ["text"] = text }),
            },
        });
    }
}

if (Flag("unauthorized"))
{
    for (var attempt = 1; ; attempt++)
    {
        Emit(mode == "codex"
            ? new JsonObject { ["type"] = "error", ["message"] = $"Reconnecting... {attempt}/999 (unexpected status 401 Unauthorized: Incorrect API key provided)" }
            : new JsonObject
            {
                ["type"] = "system", ["subtype"] = "api_retry", ["attempt"] = attempt, ["max_retries"] = 999, ["error_status"] = 401,
                ["error"] = "authentication_error",
            });
        Thread.Sleep(200);
    }
}
if (Flag("malformed"))
{
    Console.Out.WriteLine("this is not json {");
    Console.Out.Flush();
}
if (Directive("lines") is { } lines)
{
    for (var i = 1; i <= int.Parse(lines); i++)
    {
        Say($"line {i}");
    }
}
if (Directive("stream") is { } stream)
{
    for (var i = 1; i <= int.Parse(stream); i++)
    {
        Say($"stream {i}");
        Thread.Sleep(100);
    }
}
if (Directive("write") is { } write)
{
    File.WriteAllText(Path.GetFullPath(write), "fake");
}
foreach (var put in directives.Where(d => d.StartsWith("@put=", StringComparison.Ordinal)))
{
    var parts = put[5..].Split('=', 2);
    var target = Path.GetFullPath(parts[0]);
    Directory.CreateDirectory(Path.GetDirectoryName(target)!);
    File.WriteAllText(target, (parts.Length > 1 ? parts[1] : "") + "\n");
}
if (Directive("delete") is { } delete)
{
    File.Delete(Path.GetFullPath(delete));
}
if (Flag("resolve"))
{
    foreach (var file in Directory.EnumerateFiles(Environment.CurrentDirectory, "*", SearchOption.AllDirectories))
    {
        if (file.Contains("/.git/", StringComparison.Ordinal) || Path.GetFileName(file) == ".git")
        {
            continue;
        }
        var text = File.ReadAllLines(file);
        var kept = text.Where(l => !l.StartsWith("<<<<<<<", StringComparison.Ordinal) && !l.StartsWith(">>>>>>>", StringComparison.Ordinal) && l != "=======").ToArray();
        if (kept.Length != text.Length)
        {
            File.WriteAllLines(file, kept);
        }
    }
}
if (Directive("commit") is { } commitMessage)
{
    foreach (var gitArgs in new[] { new[] { "add", "-A" }, new[] { "-c", "user.name=agent", "-c", "user.email=agent@localhost", "commit", "-q", "-m", commitMessage } })
    {
        // stdout is the turn's JSONL: git's own output must not land there.
        var psi = new System.Diagnostics.ProcessStartInfo("git") { UseShellExecute = false, RedirectStandardOutput = true };
        foreach (var a in gitArgs)
        {
            psi.ArgumentList.Add(a);
        }
        using var git = System.Diagnostics.Process.Start(psi)!;
        git.StandardOutput.ReadToEnd();
        git.WaitForExit();
    }
}
if (Directive("sleep") is { } sleep)
{
    Thread.Sleep(TimeSpan.FromSeconds(double.Parse(sleep, System.Globalization.CultureInfo.InvariantCulture)));
}
if (Directive("wait-file") is { } waitFile)
{
    while (!File.Exists(waitFile))
    {
        Thread.Sleep(20);
    }
}
if (Flag("crash"))
{
    var partial = "{\"type\":\"item.completed\",\"item\":{\"type\":\"agent_mess"u8.ToArray();
    stdout.Write(partial);
    stdout.Flush();
    Environment.FailFast("fake agent crash");
}

var reply = Directive("echo-env") is { } envName
    ? $"{envName}={Environment.GetEnvironmentVariable(envName)}"
    : $"fake reply #{turnNumber} to: {prompt}";
Say(reply);

var fail = Directive("fail");
var exit = int.Parse(Directive("exit") ?? (fail is null ? "0" : "1"));
Directory.CreateDirectory(home);
File.WriteAllText(statePath, new JsonObject
{
    ["input"] = previousInput + input, ["output"] = previousOutput + output, ["turns"] = turnNumber,
}.ToJsonString());

if (mode == "codex")
{
    if (exit == 0)
    {
        Emit(new JsonObject
        {
            ["type"] = "turn.completed",
            ["usage"] = new JsonObject
            {
                ["input_tokens"] = previousInput + input, ["cached_input_tokens"] = 10 * turnNumber,
                ["output_tokens"] = previousOutput + output,
            },
        });
    }
    else
    {
        var message = fail ?? $"fake failure (exit {exit})";
        Emit(new JsonObject { ["type"] = "error", ["message"] = message });
        Emit(new JsonObject { ["type"] = "turn.failed", ["error"] = new JsonObject { ["message"] = message } });
    }
}
else
{
    Emit(new JsonObject
    {
        ["type"] = "result", ["subtype"] = "success", ["is_error"] = exit != 0, ["session_id"] = conversation,
        ["result"] = exit == 0 ? reply : fail ?? $"fake failure (exit {exit})",
        ["total_cost_usd"] = 0.001m * turnNumber,
        ["usage"] = new JsonObject { ["input_tokens"] = input, ["output_tokens"] = output, ["cache_read_input_tokens"] = 0, ["cache_creation_input_tokens"] = 0 },
    });
}
GC.KeepAlive(registrations);
return exit;

static string FindPrompt(string[] args, string mode)
{
    // Both CLIs take the prompt after `--` (as zwarm passes it); Claude also as the value of -p.
    var dash = Array.IndexOf(args, "--");
    if (dash >= 0 && dash + 1 < args.Length)
    {
        return args[dash + 1];
    }
    if (mode == "claude")
    {
        return Value(args, "-p") ?? "";
    }
    return args.Length > 0 ? args[^1] : "";
}

static string? Value(string[] args, string name)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
}

[System.Text.Json.Serialization.JsonSerializable(typeof(JsonObject))]
internal sealed partial class FakeJson : System.Text.Json.Serialization.JsonSerializerContext;
