// `zwarm mcp --http` as a child process, through the SDK's own Streamable HTTP client: the same tools and sessions as
// over stdio with the token; refused without it, with a foreign Host or Origin; the token file private, reused, and
// its token never printed; Ctrl+C ends the server cleanly.
using System.Net;
using System.Text;
using CliWrap;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;
using Zwarm.Mcp.Tests.Support;

namespace Zwarm.Mcp.Tests.Http;

[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class McpHttpTests : IDisposable
{
    private const string Initialize =
        """{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-11-25","capabilities":{},"clientInfo":{"name":"raw","version":"1"}}}""";

    private readonly McpWorld _world = new();
    private readonly CancellationToken _ct = TestTimeout.After(90);

    public void Dispose() => _world.Dispose();

    private string TokenFile => Path.Combine(_world.StateDir, "mcp-http.token");

    private async Task<McpClient> ConnectAsync(Uri url, string token) =>
        await McpClient.CreateAsync(new HttpClientTransport(new HttpClientTransportOptions
        {
            Endpoint = url,
            TransportMode = HttpTransportMode.StreamableHttp,
            AdditionalHeaders = new Dictionary<string, string> { ["Authorization"] = $"Bearer {token}" },
        }), new McpClientOptions
        {
            ClientInfo = new Implementation { Name = "Http Client", Version = "1.0" },
            ProtocolVersion = "2025-11-25",
        }, cancellationToken: _ct);

    [Fact]
    public async Task The_sdk_client_with_the_token_gets_the_tools_and_delegates_a_session()
    {
        await using var server = await HttpMcpProcess.StartAsync(_world, _ct);
        var token = File.ReadAllText(TokenFile).Trim();
        await using var client = await ConnectAsync(server.Url, token);

        var tools = await client.ListToolsAsync(cancellationToken: _ct);
        var started = await client.CallAsync("delegate", """{"task":"build it"}""", _ct);
        Assert.False(started.IsError, started.Text());
        var id = started.Json().GetProperty("session_id").GetString()!;
        await client.CallAsync("wait_for_sessions", $$"""{"ids":["{{id}}"]}""", _ct);
        var check = await client.CallAsync("check_session", $$"""{"id":"{{id}}"}""", _ct);

        Assert.Contains(tools, t => t.Name == "delegate");
        Assert.Contains(tools, t => t.Name == "wait_for_sessions");
        Assert.Equal("mcp:http-client", (await _world.Sessions.GetAsync(id, _ct)).Source);
        Assert.Equal("completed", check.Json().GetProperty("status").GetString());
        Assert.Contains("fake reply #1 to: build it", check.Json().GetProperty("last_reply").GetString());
        await server.StopAsync();
        Assert.Contains("stopped; sessions it started keep running", server.Stderr);
    }

    [Fact]
    public async Task Requests_without_the_token_or_with_a_foreign_host_or_origin_are_refused()
    {
        await using var server = await HttpMcpProcess.StartAsync(_world, _ct);
        var token = File.ReadAllText(TokenFile).Trim();
        var authority = server.Url.Authority;
        using var http = new HttpClient();

        async Task<HttpStatusCode> PostAsync(string? bearer, string? host = null, string? origin = null)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, server.Url)
            {
                Content = new StringContent(Initialize, Encoding.UTF8, "application/json"),
            };
            request.Headers.Accept.ParseAdd("application/json");
            request.Headers.Accept.ParseAdd("text/event-stream");
            if (bearer is not null) request.Headers.TryAddWithoutValidation("Authorization", $"Bearer {bearer}");
            if (host is not null) request.Headers.Host = host;
            if (origin is not null) request.Headers.TryAddWithoutValidation("Origin", origin);
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, _ct);
            return response.StatusCode;
        }

        Assert.Equal(HttpStatusCode.Unauthorized, await PostAsync(null));
        Assert.Equal(HttpStatusCode.Unauthorized, await PostAsync(new string('0', token.Length)));
        Assert.Equal(HttpStatusCode.Forbidden, await PostAsync(token, host: $"rebound.example:{server.Url.Port}"));
        Assert.Equal(HttpStatusCode.Forbidden, await PostAsync(token, origin: "http://rebound.example"));
        Assert.Equal(HttpStatusCode.OK, await PostAsync(token, origin: $"http://localhost:{server.Url.Port}"));
        Assert.Equal(HttpStatusCode.OK, await PostAsync(token, host: authority));
        await Assert.ThrowsAnyAsync<Exception>(() => ConnectAsync(server.Url, "not-the-token"));
    }

    [Fact]
    public async Task The_token_file_is_private_reused_across_restarts_and_the_token_is_never_printed()
    {
        string first;
        await using (var server = await HttpMcpProcess.StartAsync(_world, _ct))
        {
            first = File.ReadAllText(TokenFile).Trim();
            await server.StopAsync();
            Assert.DoesNotContain(first, server.Stderr);
            Assert.Contains(TokenFile, server.Stderr);
        }
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(TokenFile));
        Assert.Equal(64, first.Length);

        await using (var again = await HttpMcpProcess.StartAsync(_world, _ct))
        {
            Assert.Equal(first, File.ReadAllText(TokenFile).Trim());
            await using var client = await ConnectAsync(again.Url, first);
            Assert.NotEmpty(await client.ListToolsAsync(cancellationToken: _ct));
        }

        File.SetUnixFileMode(TokenFile, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.OtherRead);
        var (exit, stderr) = await HttpMcpProcess.RunFailingAsync(_world, _ct);
        Assert.Equal(8, exit);
        Assert.Contains("readable or writable by others", stderr);
        Assert.DoesNotContain(first, stderr);
    }

    [Fact]
    public async Task Port_and_token_file_without_http_are_a_usage_error()
    {
        var result = await CliWrap.Cli.Wrap(ZwarmBinary.Path).WithArguments(["mcp", "--port", "9"])
            .WithWorkingDirectory(_world.WorkDir).WithEnvironmentVariables(_world.Environment)
            .WithValidation(CommandResultValidation.None).WithStandardErrorPipe(PipeTarget.Null).ExecuteAsync(_ct);

        Assert.Equal(2, result.ExitCode);
    }
}
