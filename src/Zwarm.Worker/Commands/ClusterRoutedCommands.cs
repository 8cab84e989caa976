// `show ID`, `kill ID`, `continue ID MESSAGE`: routed to the worker that owns the session (found in zwarm_sessions).
// Each prints the worker's JSON answer (`show`: the `show --json` object; `kill`/`continue`: id, worker, outcome or
// turn, status); a text rendering is left to the lean `zwarm`, which will print these through its own renderers.
using System.CommandLine;
using Zwarm.Cluster.Sessions;
using Zwarm.Worker.Infrastructure;

namespace Zwarm.Worker.Commands;

internal static class ClusterRoutedCommands
{
    public static Command Show(CommandRunner runner) =>
        Routed(runner, "show", "Show a session of the cluster (the `show --json` object, from its worker)", message: false,
            (client, id, _, ct) => client.ShowAsync(id, ct));

    public static Command Kill(CommandRunner runner) =>
        Routed(runner, "kill", "Stop a session of the cluster on its worker", message: false,
            (client, id, _, ct) => client.KillAsync(id, ct));

    public static Command Continue(CommandRunner runner) =>
        Routed(runner, "continue", "Start a session's next turn on its worker", message: true,
            (client, id, text, ct) => client.ContinueAsync(id, text!, ct));

    private static Command Routed(CommandRunner runner, string name, string description, bool message,
        Func<ClusterSessions, string, string?, CancellationToken, Task<string>> run)
    {
        var options = new SessionOptions();
        var id = new Argument<string>("id") { Description = "Session id or unique prefix" };
        var text = new Argument<string>("message") { Description = "The next message to the agent" };
        var command = new Command(name, description) { id };
        if (message)
        {
            command.Arguments.Add(text);
        }
        options.AddTo(command);
        runner.Set(command, async (parse, ct) =>
        {
            runner.Out.WriteLine(await run(options.Client(parse, runner), parse.GetValue(id)!, message ? parse.GetValue(text) : null, ct));
            return ExitCodes.Success;
        });
        return command;
    }
}
