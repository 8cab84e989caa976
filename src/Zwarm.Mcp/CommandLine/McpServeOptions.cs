// The command line of the MCP server, declared once for both programs that serve it: `zwarm mcp` (src/Zwarm.Cli,
// which adds --http and `install`) and the MCP-only `zwarm-mcp` (src/Zwarm.Mcp.Cli), so their options, defaults,
// help and checks cannot drift apart.
using System.CommandLine;
using Zwarm.Core;
using Zwarm.Core.Agents;

namespace Zwarm.Mcp.CommandLine;

public sealed class McpServeOptions
{
    public const string Name = "mcp";

    public const string Description = "Serve zwarm's session tools to an MCP client (Claude Code, Codex, ...) over stdio; `mcp install` registers it";

    private readonly Option<string[]> _allowDir = new("--allow-dir") { Description = "A directory sessions may work in (repeatable; default: the current directory)" };
    private readonly Option<int> _maxSessions = new("--max-sessions") { Description = "MCP sessions (of all clients) that may run at once", DefaultValueFactory = _ => 8 };
    private readonly Option<string> _maxSandbox = new("--max-sandbox") { Description = "The most access a delegated session may get: read-only, workspace-write, danger-full-access", DefaultValueFactory = _ => SandboxModes.WorkspaceWriteName };
    private readonly Option<bool> _readOnly = new("--read-only") { Description = "Offer only the inspection tools (no delegate, converse, end_session)" };
    private readonly Option<bool> _ownOnly = new("--own-only") { Description = "converse and end_session only on sessions this client started" };
    private readonly Option<bool> _bash = new("--bash") { Description = "Also offer the read-only bash tool" };
    private readonly Option<double> _waitCap = new("--wait-cap") { Description = "Seconds one wait_for_sessions call blocks at most (stay below the client's tool timeout)", DefaultValueFactory = _ => 50 };
    private readonly Option<double> _progress = new("--progress-interval") { Description = "Seconds between progress notifications while wait_for_sessions blocks", DefaultValueFactory = _ => 5 };

    /// <summary>Adds the server's options to <paramref name="command"/>.</summary>
    public void AddTo(Command command)
    {
        foreach (var option in new Option[] { _allowDir, _maxSessions, _maxSandbox, _readOnly, _ownOnly, _bash, _waitCap, _progress })
        {
            command.Options.Add(option);
        }
    }

    /// <summary>
    /// The settings <paramref name="parse"/> asks for, checked (a bad value is a usage error); directories are
    /// resolved against <paramref name="workingDirectory"/>, the server's start directory.
    /// </summary>
    public McpServerSettings Settings(ParseResult parse, string workingDirectory, bool bashUnsandboxed)
    {
        if (!SandboxModes.TryParse(parse.GetValue(_maxSandbox), out var ceiling))
        {
            throw new ZwarmException(ErrorKind.Usage, $"--max-sandbox must be one of {string.Join(", ", SandboxModes.Names)}");
        }
        if (parse.GetValue(_maxSessions) < 1 || parse.GetValue(_waitCap) is < 1 or > 3600 || parse.GetValue(_progress) is < 0.1 or > 3600)
        {
            throw new ZwarmException(ErrorKind.Usage,
                "--max-sessions must be at least 1, --wait-cap between 1 and 3600 seconds, --progress-interval between 0.1 and 3600");
        }
        var dirs = parse.GetValue(_allowDir) is { Length: > 0 } given
            ? given.Select(d => Path.GetFullPath(d, workingDirectory)).ToList()
            : [workingDirectory];
        return new McpServerSettings
        {
            AllowedDirectories = dirs,
            WorkingDirectory = dirs.Contains(workingDirectory) ? workingDirectory : dirs[0],
            MaxSessions = parse.GetValue(_maxSessions),
            MaxSandbox = ceiling,
            ReadOnly = parse.GetValue(_readOnly),
            OwnOnly = parse.GetValue(_ownOnly),
            Bash = parse.GetValue(_bash),
            BashUnsandboxed = bashUnsandboxed,
            WaitCap = TimeSpan.FromSeconds(parse.GetValue(_waitCap)),
            ProgressInterval = TimeSpan.FromSeconds(parse.GetValue(_progress)),
        };
    }
}
