using System.CommandLine;
using Zwarm.Cli.Completion;
using Zwarm.Cli.Infrastructure;

namespace Zwarm.Cli.Commands;

/// <summary>
/// `zwarm completion bash|zsh|fish` prints the shell's completion script; the script calls the hidden
/// `zwarm __complete --shell S -- LINE`, which prints one candidate per line (nothing, and exit 0, when there is none).
/// </summary>
internal static class CompletionCommand
{
    public const string Name = "completion";
    public const string CompleteName = "__complete";

    public static Command Create(CommandActions actions)
    {
        var shell = new Argument<string>("shell") { Description = "bash, zsh or fish" };
        OnlyShells(shell);
        var command = new Command(Name, "Print the shell completion script (bash, zsh, fish)") { shell };
        command.Description += """

            bash:  eval "$(zwarm completion bash)"    in ~/.bashrc
            zsh:   eval "$(zwarm completion zsh)"     in ~/.zshrc, after compinit
            fish:  zwarm completion fish > ~/.config/fish/completions/zwarm.fish
            """;
        command.SetAction(parse =>
        {
            actions.Terminal.Out.Write(ShellScripts.For(parse.GetValue(shell)!));
            return ExitCodes.Success;
        });
        return command;
    }

    // One line naming the shells (System.CommandLine's own message lists them over four lines).
    private static void OnlyShells(Argument<string> shell)
    {
        shell.CompletionSources.Add(ShellCompletion.Shells);
        shell.Validators.Add(result =>
        {
            var value = result.GetValueOrDefault<string>();
            if (!ShellCompletion.Shells.Contains(value))
            {
                result.AddError($"unknown shell '{value}' (bash, zsh or fish)");
            }
        });
    }

    private static void OnlyShells(Option<string> shell)
    {
        shell.Validators.Add(result =>
        {
            var value = result.GetValueOrDefault<string>();
            if (!ShellCompletion.Shells.Contains(value))
            {
                result.AddError($"unknown shell '{value}' (bash, zsh or fish)");
            }
        });
    }

    public static Command CreateComplete(CommandActions actions)
    {
        var shell = new Option<string>("--shell") { Description = "The shell asking", DefaultValueFactory = _ => "bash" };
        OnlyShells(shell);
        var line = new Argument<string>("line") { Description = "The command line up to the cursor, program name first" };
        var command = new Command(CompleteName, "Print completions for a command line (run by the completion scripts)") { shell, line };
        command.Hidden = true;
        command.SetAction(parse =>
        {
            try
            {
                var root = ZwarmCli.Build(actions);
                foreach (var candidate in ShellCompletion.Complete(root, parse.GetValue(shell)!, parse.GetValue(line) ?? ""))
                {
                    actions.Terminal.Out.WriteLine(candidate);
                }
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // A completion never breaks the user's shell line: no candidates, no message on their prompt.
            }
            return ExitCodes.Success;
        });
        return command;
    }
}
