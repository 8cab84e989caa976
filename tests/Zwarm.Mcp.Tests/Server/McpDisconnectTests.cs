// A client that goes away mid-wait: the server notices stdin closing, exits 0 on its own, says on stderr that
// sessions are left running, and the delegated session (detached) is still running.
using System.Diagnostics;
using System.Text.Json;
using Zwarm.Core.Sessions;
using Zwarm.Mcp.Tests.Support;

namespace Zwarm.Mcp.Tests.Server;

public sealed class McpDisconnectTests : IDisposable
{
    private readonly CancellationToken _ct = TestTimeout.After(90);
    private readonly McpWorld _world = new();

    public void Dispose() => _world.Dispose();

    [Fact]
    public async Task Closing_stdin_mid_wait_ends_the_server_and_leaves_the_session_running()
    {
        var start = new ProcessStartInfo(ZwarmBinary.Path)
        {
            ArgumentList = { "mcp" },
            WorkingDirectory = _world.WorkDir,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var (key, value) in _world.Environment)
        {
            if (value is null)
            {
                start.Environment.Remove(key);
            }
            else
            {
                start.Environment[key] = value;
            }
        }
        using var server = Process.Start(start)!;
        try
        {
            var stderr = server.StandardError.ReadToEndAsync(_ct);
            await Send(server, """{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18","capabilities":{},"clientInfo":{"name":"leaver","version":"1"}}}""");
            await ReadResponse(server, 1);
            await Send(server, """{"jsonrpc":"2.0","method":"notifications/initialized"}""");
            var hold = Path.Combine(_world.Root, "never");
            var call = """{"jsonrpc":"2.0","id":2,"method":"tools/call","params":{"name":"delegate","arguments":{"task":"TASK"}}}""";
            await Send(server, call.Replace("TASK", $"long @wait-file={hold}", StringComparison.Ordinal));
            var delegated = await ReadResponse(server, 2);
            using var result = JsonDocument.Parse(delegated.GetProperty("result").GetProperty("content")[0].GetProperty("text").GetString()!);
            var id = result.RootElement.GetProperty("session_id").GetString()!;
            await Send(server, """{"jsonrpc":"2.0","id":3,"method":"tools/call","params":{"name":"wait_for_sessions","arguments":{}}}""");

            server.StandardInput.Close();
            await server.WaitForExitAsync(_ct);

            Assert.Equal(0, server.ExitCode);
            Assert.Contains("left running", await stderr);
            var meta = await _world.Sessions.GetAsync(id, _ct);
            Assert.Equal(SessionStatus.Running, meta.Status);
            Assert.Equal("mcp:leaver", meta.Source);
        }
        finally
        {
            if (!server.HasExited)
            {
                server.Kill(entireProcessTree: true);
            }
        }
    }

    private static async Task Send(Process server, string line)
    {
        await server.StandardInput.WriteLineAsync(line);
        await server.StandardInput.FlushAsync();
    }

    /// <summary>Reads protocol lines until the response with <paramref name="id"/> (skipping notifications).</summary>
    private async Task<JsonElement> ReadResponse(Process server, int id)
    {
        while (await server.StandardOutput.ReadLineAsync(_ct) is { } line)
        {
            using var message = JsonDocument.Parse(line);
            if (message.RootElement.TryGetProperty("id", out var got) && got.ValueKind == JsonValueKind.Number && got.GetInt32() == id)
            {
                return message.RootElement.Clone();
            }
        }
        throw new InvalidOperationException($"the server closed stdout before answering request {id}");
    }
}
