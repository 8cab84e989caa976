using System.CommandLine;
using Zwarm.Core.Config;
using Zwarm.Core.Sessions;

namespace Zwarm.Cli.Infrastructure;

/// <summary>What a command's action gets: its parse result, the terminal, and the loaded context.</summary>
internal sealed class CommandContext
{
    private SessionService? _sessions;
    private Zwarm.Core.Workspaces.WorkspaceService? _workspaces;

    public CommandContext(ParseResult parse, Terminal terminal, LoadedContext loaded)
    {
        Parse = parse;
        Terminal = terminal;
        Loaded = loaded;
    }

    public ParseResult Parse { get; }

    public Terminal Terminal { get; }

    public LoadedContext Loaded { get; }

    public ZwarmContext Zwarm => Loaded.Context;

    public SessionService Sessions => _sessions ??= new SessionService(Loaded.Context);

    /// <summary>Isolated sessions' worktrees: diff, apply, merge, push.</summary>
    public Zwarm.Core.Workspaces.WorkspaceService Workspaces => _workspaces ??= new(Sessions);

    public T? Get<T>(Option<T> option) => Parse.GetValue(option);

    public T? Get<T>(Argument<T> argument) => Parse.GetValue(argument);
}
