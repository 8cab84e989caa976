using System.CommandLine;
using Zwarm.Cli.Infrastructure;
using Zwarm.Core;
using Zwarm.Core.Agents;
using Zwarm.Mcp;
using Zwarm.Http;
using Zwarm.Mcp.Http;
using Zwarm.Mcp.Install;

namespace Zwarm.Cli.Commands;

/// <summary>
/// `zwarm mcp`: serve the session tools to an MCP client over stdio (stdout is the protocol; notes go to stderr), or
/// with --http over Streamable HTTP on 127.0.0.1 (Zwarm.Mcp.Http);
/// `zwarm mcp install --claude|--codex`: register it in the client's config. Runs in the full binary (zwarm-llm in a
/// native install): the MCP SDK and the tool surface stay out of the lean `zwarm` that `ls` starts.
/// </summary>
internal static class McpCommand
{
    public const string Name = "mcp";

    public const string Description = "Serve zwarm's session tools to an MCP client (Claude Code, Codex, ...) over stdio; `mcp install` registers it";

    public static Command Create(CommandActions actions)
    {
        var allowDir = new Option<string[]>("--allow-dir") { Description = "A directory sessions may work in (repeatable; default: the current directory)" };
        var maxSessions = new Option<int>("--max-sessions") { Description = "MCP sessions (of all clients) that may run at once", DefaultValueFactory = _ => 8 };
        var maxSandbox = new Option<string>("--max-sandbox") { Description = "The most access a delegated session may get: read-only, workspace-write, danger-full-access", DefaultValueFactory = _ => SandboxModes.WorkspaceWriteName };
        var readOnly = new Option<bool>("--read-only") { Description = "Offer only the inspection tools (no delegate, converse, end_session)" };
        var ownOnly = new Option<bool>("--own-only") { Description = "converse and end_session only on sessions this client started" };
        var bash = new Option<bool>("--bash") { Description = "Also offer the read-only bash tool" };
        var waitCap = new Option<double>("--wait-cap") { Description = "Seconds one wait_for_sessions call blocks at most (stay below the client's tool timeout)", DefaultValueFactory = _ => 50 };
        var progress = new Option<double>("--progress-interval") { Description = "Seconds between progress notifications while wait_for_sessions blocks", DefaultValueFactory = _ => 5 };
        var http = new Option<bool>("--http") { Description = "Serve Streamable HTTP on 127.0.0.1 (bearer token, local Host/Origin only) instead of stdio" };
        var port = new Option<int>("--port") { Description = "The --http port (default 0: any free port, printed on stderr)", DefaultValueFactory = _ => 0 };
        var tokenFile = new Option<string>("--token-file") { Description = "Where the --http bearer token is kept (created 0600 if missing; default STATE_DIR/mcp-http.token)" };
        var command = new Command(Name, Description) { allowDir, maxSessions, maxSandbox, readOnly, ownOnly, bash, waitCap, progress, http, port, tokenFile };
        command.Subcommands.Add(CreateInstall(actions));
        actions.Set(command, async (ctx, ct) =>
        {
            if (!SandboxModes.TryParse(ctx.Get(maxSandbox), out var ceiling))
            {
                throw new ZwarmException(ErrorKind.Usage, $"--max-sandbox must be one of {string.Join(", ", SandboxModes.Names)}");
            }
            if (ctx.Get(maxSessions) < 1 || ctx.Get(waitCap) is < 1 or > 3600 || ctx.Get(progress) is < 0.1 or > 3600)
            {
                throw new ZwarmException(ErrorKind.Usage,
                    "--max-sessions must be at least 1, --wait-cap between 1 and 3600 seconds, --progress-interval between 0.1 and 3600");
            }
            var cwd = ctx.Zwarm.WorkingDirectory;
            var dirs = ctx.Get(allowDir) is { Length: > 0 } given ? given.Select(d => Path.GetFullPath(d, cwd)).ToList() : [cwd];
            var settings = new McpServerSettings
            {
                AllowedDirectories = dirs,
                WorkingDirectory = dirs.Contains(cwd) ? cwd : dirs[0],
                MaxSessions = ctx.Get(maxSessions),
                MaxSandbox = ceiling,
                ReadOnly = ctx.Get(readOnly),
                OwnOnly = ctx.Get(ownOnly),
                Bash = ctx.Get(bash),
                WaitCap = TimeSpan.FromSeconds(ctx.Get(waitCap)),
                ProgressInterval = TimeSpan.FromSeconds(ctx.Get(progress)),
            };
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

    /// <summary>The absolute command that starts this zwarm: the native binary itself, or dotnet + zwarm.dll.</summary>
    private static (string Executable, IReadOnlyList<string> Prefix) Self()
    {
        var process = Environment.ProcessPath ?? throw new ZwarmException(ErrorKind.State, "cannot tell the path of the running zwarm binary");
        if (Path.GetFileNameWithoutExtension(process) == "dotnet")
        {
            return (process, [Path.Combine(AppContext.BaseDirectory, "zwarm.dll")]);
        }
        return (Path.GetFullPath(process), []);
    }
}
