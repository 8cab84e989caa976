using System.CommandLine;
using Zwarm.Cli.Infrastructure;
using Zwarm.Core;
using Zwarm.Core.Agents;
using Zwarm.Mcp;
using Zwarm.Mcp.CommandLine;
using Zwarm.Http;
using Zwarm.Mcp.Http;
using Zwarm.Mcp.Install;
using Zwarm.Orchestration.Tools;

namespace Zwarm.Cli.Commands;

/// <summary>
/// `zwarm mcp`: serve the session tools to an MCP client over stdio (stdout is the protocol; notes go to stderr), or
/// with --http over Streamable HTTP on 127.0.0.1 (Zwarm.Mcp.Http);
/// `zwarm mcp install --claude|--codex`: register it in the client's config. In a native install the lean `zwarm`
/// hands stdio serving to the MCP-only `zwarm-mcp` (same options: McpServeOptions) and --http and install to
/// `zwarm-llm` (Infrastructure/HandOff): the MCP SDK and the tool surface stay out of the `zwarm` that `ls` starts.
/// </summary>
internal static class McpCommand
{
    public const string Name = McpServeOptions.Name;

    public const string Description = McpServeOptions.Description;

    public static Command Create(CommandActions actions)
    {
        var serve = new McpServeOptions();
        var http = new Option<bool>("--http") { Description = "Serve Streamable HTTP on 127.0.0.1 (bearer token, local Host/Origin only) instead of stdio" };
        var port = new Option<int>("--port") { Description = "The --http port (default 0: any free port, printed on stderr)", DefaultValueFactory = _ => 0 };
        var tokenFile = new Option<string>("--token-file") { Description = "Where the --http bearer token is kept (created 0600 if missing; default STATE_DIR/mcp-http.token)" };
        var command = new Command(Name, Description);
        serve.AddTo(command);
        command.Options.Add(http);
        command.Options.Add(port);
        command.Options.Add(tokenFile);
        command.Subcommands.Add(CreateInstall(actions));
        actions.Set(command, async (ctx, ct) =>
        {
            var cwd = ctx.Zwarm.WorkingDirectory;
            var settings = serve.Settings(ctx.Parse, cwd, ctx.Loaded.Upper.Orchestration.Orchestrator.BashUnsandboxed);
            if (BashNotices.Current(settings.Bash, settings.BashUnsandboxed) is { } bashNotice)
            {
                ctx.Terminal.Error(bashNotice);
            }
            if (!ctx.Get(http))
            {
                if (ctx.Get(port) != 0 || ctx.Get(tokenFile) is not null)
                {
                    throw new ZwarmException(ErrorKind.Usage, "--port and --token-file go with --http");
                }
                return await new ZwarmMcpServer(ctx.Sessions, settings, ctx.Terminal.Err).RunStdioAsync(ct);
            }
            if (ctx.Get(port) is < 0 or > 65535)
            {
                throw new ZwarmException(ErrorKind.Usage, "--port must be between 0 and 65535");
            }
            var token = ctx.Get(tokenFile) is { } tokenPath ? Path.GetFullPath(tokenPath, cwd) : Path.Combine(ctx.Sessions.Context.StateDirectory, "mcp-http.token");
            return await new McpHttpServer(ctx.Sessions, settings, new McpHttpSettings(ctx.Get(port), token), ctx.Terminal.Err).RunAsync(ct);
        });
        return command;
    }

    private static Command CreateInstall(CommandActions actions)
    {
        var claude = new Option<bool>("--claude") { Description = "Register in Claude Code (~/.claude.json or $CLAUDE_CONFIG_DIR/.claude.json, or .mcp.json with --scope project)" };
        var codex = new Option<bool>("--codex") { Description = "Register in Codex ($CODEX_HOME/config.toml, or .codex/config.toml with --scope project)" };
        var scope = new Option<string>("--scope") { Description = "user (default) or project", DefaultValueFactory = _ => "user" };
        scope.AcceptOnlyFromAmong("user", "project");
        var print = new Option<bool>("--print") { Description = "Show the config snippet instead of writing it" };
        var command = new Command("install", "Register `zwarm mcp` in an MCP client's config (idempotent)") { claude, codex, scope, print };
        actions.Set(command, (ctx, _) =>
        {
            if (ctx.Get(claude) == ctx.Get(codex))
            {
                throw new ZwarmException(ErrorKind.Usage, "give one of --claude or --codex");
            }
            var env = ctx.Zwarm.Environment;
            var home = Zwarm.Core.Health.McpClientConfigs.Home(env);
            var (executable, prefix) = Self();
            var request = new McpInstallRequest(ctx.Get(claude) ? McpClientKind.Claude : McpClientKind.Codex, ctx.Get(scope) == "project",
                executable, [.. prefix, Name], home, env.GetValueOrDefault("CODEX_HOME"), ctx.Zwarm.WorkingDirectory)
            {
                ClaudeConfigDir = env.GetValueOrDefault("CLAUDE_CONFIG_DIR"),
            };
            var result = McpInstaller.Install(request, dryRun: ctx.Get(print));
            if (ctx.Get(print))
            {
                ctx.Terminal.Out.Write(result.Snippet);
                ctx.Terminal.Note($"(goes in {result.Path})");
            }
            else
            {
                ctx.Terminal.Note(result.Changed ? $"registered zwarm in {result.Path}" : $"zwarm is already registered in {result.Path}");
            }
            return Task.FromResult(ExitCodes.Success);
        });
        return command;
    }

    /// <summary>
    /// The absolute command a client starts: the MCP-only `zwarm-mcp` when it is installed beside this binary (its
    /// start-up is a fraction of the full binary's), else this zwarm itself: the native binary, or dotnet + zwarm.dll.
    /// Either takes `mcp` and the same options.
    /// </summary>
    private static (string Executable, IReadOnlyList<string> Prefix) Self()
    {
        var process = Environment.ProcessPath ?? throw new ZwarmException(ErrorKind.State, "cannot tell the path of the running zwarm binary");
        if (Path.GetFileNameWithoutExtension(process) == "dotnet")
        {
            return (process, [Path.Combine(AppContext.BaseDirectory, "zwarm.dll")]);
        }
        var mcpOnly = SiblingBinary.Mcp.Beside(Path.GetFullPath(process));
        return File.Exists(mcpOnly) ? (mcpOnly, []) : (Path.GetFullPath(process), []);
    }
}
