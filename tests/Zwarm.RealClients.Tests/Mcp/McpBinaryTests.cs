// `zwarm mcp` over stdio as an MCP client starts it, through the binary under test: in the native suite the
// installed .NET tool, whose lean `zwarm` execs the MCP-only `zwarm-mcp` beside it (Infrastructure/HandOff). Proves
// what only the published build can break: the hand-off (the serving process's image is zwarm-mcp), the trimmed
// protocol JSON of initialize and tools/list, and that `mcp install` registers zwarm-mcp's absolute path.
using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Zwarm.RealClients.Tests.Support;
using Zwarm.ScriptedModels.Scripting;

namespace Zwarm.RealClients.Tests.Mcp;

[Trait("Category", "RealClient")]
public sealed class McpBinaryTests
{
    private const string Initialize =
        """{"jsonrpc":"2.0","id":0,"method":"initialize","params":{"protocolVersion":"2025-11-25","capabilities":{},"clientInfo":{"name":"e2e","version":"1"}}}""";

    private readonly CancellationToken _timeout = TestTimeout.After(120);

    [Fact]
    public async Task Zwarm_mcp_answers_initialize_and_lists_its_tools_from_the_mcp_only_binary_when_installed()
    {
        await using var world = await ZwarmWorld.StartAsync(ModelScript.Always(Reply.Text("unused")), [], _timeout);
        var native = await IsNativeAsync(world);

        using var server = StartStdio(world);
        try
        {
            await server.StandardInput.WriteLineAsync(Initialize.AsMemory(), _timeout);
            using var init = JsonDocument.Parse(await ReadLineAsync(server));
            Assert.Equal("zwarm", init.RootElement.GetProperty("result").GetProperty("serverInfo").GetProperty("name").GetString());
            // execv kept the pid: the process that answered is now the image of the binary that serves MCP.
            var image = new FileInfo($"/proc/{server.Id}/exe").ResolveLinkTarget(returnFinalTarget: false)?.FullName;
            Assert.Equal(native ? "zwarm-mcp" : Path.GetFileName(RealPath(ZwarmBinary.Path)), Path.GetFileName(image));

            await server.StandardInput.WriteLineAsync("""{"jsonrpc":"2.0","method":"notifications/initialized"}""".AsMemory(), _timeout);
            await server.StandardInput.WriteLineAsync("""{"jsonrpc":"2.0","id":1,"method":"tools/list"}""".AsMemory(), _timeout);
            using var tools = JsonDocument.Parse(await ReadLineAsync(server));
            var names = tools.RootElement.GetProperty("result").GetProperty("tools").EnumerateArray()
                .Select(t => t.GetProperty("name").GetString()).ToList();
            Assert.Contains("delegate", names);
            Assert.Contains("list_sessions", names);
            Assert.Contains("wait_for_sessions", names);

            server.StandardInput.Close();
            await server.WaitForExitAsync(_timeout);
            Assert.Equal(0, server.ExitCode);
        }
        finally
        {
            if (!server.HasExited) server.Kill(entireProcessTree: true);
        }
    }

    [Fact]
    public async Task Mcp_install_registers_the_mcp_only_binary_when_it_is_installed_beside()
    {
        await using var world = await ZwarmWorld.StartAsync(ModelScript.Always(Reply.Text("unused")), [], _timeout);
        var native = await IsNativeAsync(world);

        var print = await world.RunAsync("mcp", "install", "--claude", "--print");

        Assert.Equal(0, print.ExitCode);
        using var snippet = JsonDocument.Parse(print.Out);
        var entry = snippet.RootElement.GetProperty("mcpServers").GetProperty("zwarm");
        var command = entry.GetProperty("command").GetString()!;
        Assert.True(Path.IsPathFullyQualified(command) && File.Exists(command), command);
        Assert.Equal(native ? "zwarm-mcp" : "zwarm", Path.GetFileName(command));
        Assert.Equal(["mcp"], entry.GetProperty("args").EnumerateArray().Select(a => a.GetString()));
    }

    /// <summary>
    /// A native build (the installed tool, scripts/install.sh) has zwarm-mcp beside zwarm and hands `mcp` to it; the
    /// JIT build serves it in-process.
    /// </summary>
    private async Task<bool> IsNativeAsync(ZwarmWorld world)
    {
        using var process = ZwarmProcess.Start(["--version"], world.WorkDir, world.Environment);
        var version = await process.WaitAsync(TestTimeout.Command, _timeout);
        Assert.Equal(0, version.ExitCode);
        return version.Out.Contains("native", StringComparison.Ordinal);
    }

    private static string RealPath(string path) => new FileInfo(path).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? path;

    private static Process StartStdio(ZwarmWorld world)
    {
        var start = new ProcessStartInfo(ZwarmBinary.Path)
        {
            WorkingDirectory = world.WorkDir,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
        };
        foreach (var argument in new[] { "--state-dir", world.StateDir, "mcp" }) start.ArgumentList.Add(argument);
        start.Environment.Clear();
        foreach (var (name, value) in world.Environment) start.Environment[name] = value;
        var process = Process.Start(start) ?? throw new InvalidOperationException("could not start zwarm mcp");
        _ = process.StandardError.ReadToEndAsync(); // drained: the server's notes must not block it
        return process;
    }

    private async Task<string> ReadLineAsync(Process server) =>
        await server.StandardOutput.ReadLineAsync(_timeout) ?? throw new InvalidOperationException($"zwarm mcp closed stdout (exit {(server.HasExited ? server.ExitCode : -1)})");
}
