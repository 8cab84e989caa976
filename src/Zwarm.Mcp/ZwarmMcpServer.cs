// `zwarm mcp`: the session tool surface (the same SessionTool objects the orchestrator and pilot offer) served
// over MCP with the low-level handlers of ModelContextProtocol.Core: no reflection-built tools, no hosting/DI.
// Sessions it starts are ordinary detached sessions with source "mcp:<client>"; when the client goes away the
// server ends and they keep running.
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using Zwarm.Core.Sessions;
using Zwarm.Orchestration.Tools;

namespace Zwarm.Mcp;

public sealed partial class ZwarmMcpServer
{
    /// <summary>Sessions of every MCP client share the --max-sessions cap under this prefix.</summary>
    public const string SourcePrefix = "mcp:";

    private readonly SessionService _sessions;
    private readonly McpServerSettings _settings;
    private readonly TextWriter _log;
    private readonly Lock _toolsLock = new();
    private SessionTools? _tools;

    public ZwarmMcpServer(SessionService sessions, McpServerSettings settings, TextWriter log)
    {
        _sessions = sessions;
        _settings = settings;
        _log = log;
    }

    public static string Version { get; } = typeof(ZwarmMcpServer).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";

    /// <summary>Serves one client on stdin/stdout until it disconnects; returns the process exit code.</summary>
    public async Task<int> RunStdioAsync(CancellationToken cancellationToken)
    {
        var options = CreateOptions();
        await using var transport = new StdioServerTransport(options);
        return await RunAsync(transport, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Serves one client on <paramref name="transport"/> until it disconnects.</summary>
    public async Task<int> RunAsync(ITransport transport, CancellationToken cancellationToken)
    {
        await using var server = McpServer.Create(transport, CreateOptions());
        try
        {
            await ServeAsync(server, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        await SayGoodbyeAsync(cancellationToken.IsCancellationRequested ? "interrupted" : "the client disconnected").ConfigureAwait(false);
        return 0;
    }

    /// <summary>
    /// Runs <paramref name="server"/> (created with options from <see cref="Configure"/> of this instance) until its
    /// client goes, sending resources/updated to its subscribers meanwhile. One instance serves one client: the tool
    /// surface takes its source from that client's name. The HTTP host calls this once per MCP session.
    /// </summary>
    public async Task ServeAsync(McpServer server, CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var watch = WatchSubscriptionsAsync(server, stop.Token);
        try
        {
            await server.RunAsync(stop.Token).ConfigureAwait(false);
        }
        finally
        {
            await stop.CancelAsync().ConfigureAwait(false);
            await watch.ConfigureAwait(false);
        }
    }

    internal McpServerOptions CreateOptions()
    {
        var options = new McpServerOptions();
        Configure(options);
        return options;
    }

    /// <summary>Fills in zwarm's identity, capabilities and handlers (bound to this instance).</summary>
    public void Configure(McpServerOptions options)
    {
        options.ServerInfo = new Implementation { Name = "zwarm", Version = Version };
        options.ServerInstructions =
            "zwarm runs coding agents (Codex CLI, Claude Code) as background sessions. delegate starts one and returns at " +
            "once; wait_for_sessions blocks until sessions finish (call it again when it returns with sessions still " +
            "running); check_session reads the result; converse sends a follow-up. Sessions keep running if you disconnect.";
        options.Capabilities = new ServerCapabilities
        {
            Tools = new ToolsCapability(),
            Resources = new ResourcesCapability { Subscribe = true },
            Prompts = new PromptsCapability(),
        };
        options.Handlers = new McpServerHandlers
        {
            ListToolsHandler = (request, _) => ValueTask.FromResult(ListTools(request.Server)),
            CallToolHandler = CallToolAsync,
            ListResourcesHandler = ListResourcesAsync,
            ListResourceTemplatesHandler = (_, _) => ValueTask.FromResult(ListResourceTemplates()),
            ReadResourceHandler = ReadResourceAsync,
            SubscribeToResourcesHandler = (request, ct) => SubscribeAsync(request.Params?.Uri, ct),
            UnsubscribeFromResourcesHandler = (request, _) => ValueTask.FromResult(Unsubscribe(request.Params?.Uri)),
            ListPromptsHandler = (_, _) => ValueTask.FromResult(new ListPromptsResult { Prompts = [DelegateParallelPrompt.Declaration] }),
            GetPromptHandler = (request, _) => ValueTask.FromResult(GetPrompt(request.Params)),
        };
    }

    /// <summary>The tool surface for the connected client (its name, known after initialize, becomes the source).</summary>
    internal SessionTools ToolsFor(McpServer server)
    {
        lock (_toolsLock)
        {
            return _tools ??= new SessionTools(_sessions, ToolOptions(SourceFor(server.ClientInfo?.Name)));
        }
    }

    internal SessionToolOptions ToolOptions(string source) => new()
    {
        Source = source,
        AllowedDirectories = _settings.AllowedDirectories,
        WorkingDirectory = _settings.WorkingDirectory,
        MaxRunningSessions = _settings.MaxSessions,
        OwnSessionsOnly = _settings.OwnOnly,
        ReadOnly = _settings.ReadOnly,
        BashEnabled = _settings.Bash,
        BashUnsandboxed = _settings.BashUnsandboxed,
        ExitEnabled = false,
        LoopToolsEnabled = false,
        MaxSandbox = _settings.MaxSandbox,
        CountedSourcePrefix = SourcePrefix,
        StartLockPath = Path.Combine(_sessions.Context.StateDirectory, "mcp.lock"),
        MaxWait = _settings.WaitCap,
        DefaultWait = _settings.WaitCap,
    };

    /// <summary>"mcp:&lt;client name&gt;", the name reduced to characters safe in a source label.</summary>
    internal static string SourceFor(string? clientName)
    {
        var name = new string([.. (clientName ?? "").Trim().ToLowerInvariant()
            .Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '-')]).Trim('-');
        return SourcePrefix + (name.Length == 0 ? "client" : name.Length > 64 ? name[..64] : name);
    }

    private GetPromptResult GetPrompt(GetPromptRequestParams? request)
    {
        if (request?.Name != DelegateParallelPrompt.Name)
        {
            throw new ModelContextProtocol.McpProtocolException($"unknown prompt '{request?.Name}'", ModelContextProtocol.McpErrorCode.InvalidParams);
        }
        var task = request.Arguments is { } given && given.TryGetValue("task", out var t) && t.ValueKind == System.Text.Json.JsonValueKind.String
            ? t.GetString()
            : null;
        if (string.IsNullOrWhiteSpace(task))
        {
            throw new ModelContextProtocol.McpProtocolException("the prompt needs a 'task' argument", ModelContextProtocol.McpErrorCode.InvalidParams);
        }
        return DelegateParallelPrompt.Render(task);
    }

    private async Task SayGoodbyeAsync(string why)
    {
        var running = 0;
        try
        {
            var listing = await _sessions.ListAsync(CancellationToken.None).ConfigureAwait(false);
            running = listing.Sessions.Count(s => s.Source.StartsWith(SourcePrefix, StringComparison.Ordinal) && !s.Status.IsStopped());
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or Zwarm.Core.ZwarmException)
        {
            // The goodbye is informational; a store we cannot read now changes nothing.
        }
        await _log.WriteLineAsync($"zwarm mcp: {why}; exiting. {running} MCP session(s) left running in the background " +
            "(see them with `zwarm ls`).").ConfigureAwait(false);
        await _log.FlushAsync().ConfigureAwait(false);
    }
}
