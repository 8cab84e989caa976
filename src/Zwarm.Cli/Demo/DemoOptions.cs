namespace Zwarm.Cli.Demo;

/// <summary>What `zwarm demo` was asked for.</summary>
/// <param name="Directory">The demo folder (workspace, state, the CLIs' private config), created or reused.</param>
/// <param name="WithClaude">Also run a Claude Code session (installing the pinned Claude Code if missing).</param>
/// <param name="StepTimeout">Longest wait for the sessions of one step.</param>
internal sealed record DemoOptions(string Directory, bool WithClaude, TimeSpan StepTimeout);
