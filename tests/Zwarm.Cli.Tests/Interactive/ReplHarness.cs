// A REPL in-process over captured output, on a CliRunner's state directory (fake agents configured): for tests
// that need the shell itself (Ctrl-C, announcements, the terminal's width) or its command tree (completion).
using Zwarm.Cli.Infrastructure;
using Zwarm.Cli.Interactive;
using Zwarm.Cli.Tests.Support;
using Zwarm.Core.Agents;
using Zwarm.Core.Config;
using Zwarm.Core.Sessions;

namespace Zwarm.Cli.Tests.Interactive;

internal sealed class ReplHarness
{
    public ReplHarness(CliRunner cli, string script = "", bool interactive = false, int? width = null, string? workingDirectory = null)
    {
        Terminal = new Terminal(Out, Err, colors: false, new StringReader(script), interactive);
        if (width is { } w)
        {
            Terminal.Console.Profile.Width = w;
        }
        var workDir = workingDirectory ?? cli.WorkDir;
        var config = ZwarmConfig.Read(ConfigDocument.Load(Path.Combine(cli.StateDir, "config.toml"), []),
            name => AgentRegistry.Default.Find(name)?.Name);
        Sessions = new SessionService(new ZwarmContext
        {
            StateDirectory = cli.StateDir,
            WorkingDirectory = workDir,
            Environment = cli.Environment,
            Config = config,
        });
        Factory = new ContextFactory(cli.Environment, workDir);
        Shell = ReplFactory.Create(Terminal, Factory, Sessions, stopOnError: false);
        Commands = new ReplCommandLine(new ReplContext(Terminal, Sessions, new NoKeyWatcher()), new CommandActions(Terminal, Factory));
    }

    public StringWriter Out { get; } = new();

    public StringWriter Err { get; } = new();

    public Terminal Terminal { get; }

    public SessionService Sessions { get; }

    public ContextFactory Factory { get; }

    public InteractiveShell Shell { get; }

    /// <summary>The REPL's command tree (verbs plus additions), as Tab sees it.</summary>
    public ReplCommandLine Commands { get; }
}
