namespace Zwarm.Cli.Interactive;

/// <summary>How the REPL runs.</summary>
/// <param name="Interactive">A person at a terminal (not a script on stdin): Ctrl-C never ends the REPL.</param>
/// <param name="StopOnError">End at the first failing command, with its exit code (for scripts).</param>
internal sealed record ShellOptions(bool Interactive, bool StopOnError);
