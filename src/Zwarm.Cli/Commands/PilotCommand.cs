using Zwarm.Cli.Rendering;
using System.CommandLine;
using System.Runtime.InteropServices;
using Spectre.Console;
using Zwarm.Cli.Infrastructure;
using Zwarm.Cli.Interactive;
using Zwarm.Cli.Interactive.Editor;
using Zwarm.Cli.Pilot;
using Zwarm.Orchestration.Hosting;
using Zwarm.Orchestration.Instances;
using Zwarm.Orchestration.Llm;
using Zwarm.Orchestration.Loop;
using Zwarm.Orchestration.Pilot;
using Zwarm.Orchestration.Tools;

namespace Zwarm.Cli.Commands;

/// <summary>
/// `zwarm pilot`: a conversation with an LLM that drives sessions for you, with checkpoints after every turn (see
/// Pilot/). Reads a terminal through the line editor, or messages from a pipe. Exit code: 0 at :quit or the end of
/// input; on piped input 10 when the last turn failed and 130 when Ctrl-C interrupted a turn.
/// </summary>
internal static class PilotCommand
{
    public const string Name = "pilot";

    public const string Description = "Talk with an LLM that drives agent sessions for you (checkpoints, :goto, :status, :help)";

    public static Command Create(CommandActions actions)
    {
        var message = new Argument<string?>("message") { Description = "A first message to send (then the conversation goes on)", Arity = ArgumentArity.ZeroOrOne };
        message.Validators.Add(result =>
        {
            // An option-like word here is a mistyped option, not a message (the parser would take it as one).
            if (result.Tokens is [{ Value: var first }] && first.StartsWith('-') && first.Length > 1 && !first.Contains(' '))
            {
                result.AddError($"unknown option '{first}' (a first message that starts with '-' can be typed at the prompt)");
            }
        });
        var llmOptions = new LlmOptions("pilot.model, else orchestrator.model", "pilot/orchestrator base_url");
        var maxSteps = new Option<int?>("--max-steps-per-turn") { Description = "Model calls allowed for one of your messages (default: pilot.max_steps_per_turn, 25)" };
        var bash = new Option<bool>("--bash") { Description = "Offer the pilot the read-only bash tool (default: pilot.bash, off)" };
        var resume = new Option<bool>("--resume") { Description = "Continue a saved conversation (with --instance; default: the newest pilot conversation)" };
        var instance = new Option<string?>("--instance", "-i") { Description = "With --resume: the conversation to continue (id or prefix). Otherwise: a name for the new one" };
        var command = new Command(Name, Description)
        {
            message, maxSteps, bash, resume, instance,
        };
        foreach (var option in llmOptions.All)
        {
            command.Options.Add(option);
        }
        actions.Set(command, async (ctx, ct) =>
        {
            var config = ctx.Loaded.Upper.Orchestration;
            var llm = llmOptions.Resolve(ctx, config.Pilot.Llm, ctx.Get(resume)
                ? store => ctx.Get(instance) is { } given ? store.Resolve(given) : PilotSession.Newest(store)
                : null);
            config = config with { Pilot = config.Pilot with { Llm = llm } };
            if (BashNotices.Current(ctx.Get(bash) || config.Pilot.BashEnabled, config.Orchestrator.BashUnsandboxed) is { } bashNotice)
            {
                ctx.Terminal.Error(bashNotice);
            }
            using var model = ModelHost.Start(ctx.Zwarm.Environment, llm, config.Orchestrator,
                ctx.Get(instance) ?? Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture));
            var setup = model.Setup(ctx.Sessions, config);
            using var session = await PilotSession.OpenAsync(setup, new PilotRequest
            {
                InstanceId = ctx.Get(instance),
                Resume = ctx.Get(resume),
                MaxStepsPerTurn = ctx.Get(maxSteps),
                Bash = ctx.Get(bash) ? true : null,
            }, ct);

            var terminal = ctx.Terminal;
            var renderer = new PilotRenderer(terminal.Console);
            Greet(terminal, session, model.Endpoint);
            var repl = new PilotRepl(terminal, session, new PilotInput(Reader(ctx)), renderer, terminal.IsInteractive);
            // The pilot owns Ctrl-C: it interrupts the running turn, never the conversation.
            using var sigint = terminal.IsProcessStreams
                ? PosixSignalRegistration.Create(PosixSignal.SIGINT, signal => signal.Cancel = repl.Interrupt())
                : null;
            int code;
            try
            {
                code = await repl.RunAsync(ctx.Get(message), ct);
            }
            finally
            {
                session.Close();
            }
            terminal.Note($"pilot {session.State.Id} saved at {Checkpoint.LabelOf(session.Conversation.Head)}; " +
                $"continue with: zwarm pilot --resume --instance {session.State.Id}");
            return code;
        });
        return command;
    }

    private static void Greet(Terminal terminal, PilotSession session, LlmEndpoint endpoint)
    {
        var c = session.Conversation;
        var where = session.State.Runs > 1 ? $"resumed at {Checkpoint.LabelOf(c.Head)} of {Checkpoint.LabelOf(c.Latest)}" : "new conversation";
        terminal.Console.MarkupLine($"[bold]pilot {TerminalText.Escape(session.State.Id)}[/] [grey]· {TerminalText.Escape(where)} · " +
            $"{TerminalText.Escape(endpoint.Describe())} · up to {session.MaxStepsPerTurn} model calls per turn[/]");
        if (terminal.IsInteractive)
        {
            terminal.Console.MarkupLine("[grey]:help lists the commands · \"\"\" starts and ends a multi-line message · " +
                "Ctrl-C interrupts a turn · :quit or Ctrl-D leaves[/]");
        }
    }

    private static ILineReader Reader(CommandContext ctx)
    {
        var terminal = ctx.Terminal;
        var env = ctx.Zwarm.Environment;
        var useEditor = terminal.IsInteractive && terminal.OutputIsTerminal && terminal.IsProcessStreams
            && env.GetValueOrDefault("TERM") is { Length: > 0 } term && term != "dumb";
        if (!useEditor)
        {
            return new PlainLineReader(terminal.In, terminal.IsInteractive ? terminal.Err : null);
        }
        var historyPath = ReplFactory.HistoryPath(ctx.Sessions) is { } path ? Path.Combine(Path.GetDirectoryName(path) ?? ".", "pilot_history") : null;
        var history = new ReplHistory(historyPath, m => terminal.Error(m));
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new LiveTerminalOutput(terminal.Out),
            Ansi = AnsiSupport.Yes,
            ColorSystem = terminal.Colors ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.Yes,
        });
        return new EditorLineReader(console, new TabCompletion(CompleteCommand), history, "[bold green]you[/]>",
            "type :quit or press Ctrl-D to leave");
    }

    /// <summary>Tab after a leading ':' completes the pilot's command names.</summary>
    private static CompletionResult CompleteCommand(string line, int cursor)
    {
        var typed = line[..cursor];
        if (!typed.StartsWith(':') || typed.Contains(' '))
        {
            return CompletionResult.None(cursor);
        }
        var candidates = PilotRepl.Commands.SelectMany(c => c.Names).Select(n => ":" + n)
            .Where(n => n.StartsWith(typed, StringComparison.OrdinalIgnoreCase)).ToList();
        return new CompletionResult(0, cursor, typed, candidates, AppendSpace: true);
    }
}
