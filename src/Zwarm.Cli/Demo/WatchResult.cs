using Zwarm.Core.Sessions;

namespace Zwarm.Cli.Demo;

/// <summary>The sessions as they stood when watching ended, and whether time ran out first.</summary>
internal sealed record WatchResult(IReadOnlyList<SessionSummary> Sessions, bool TimedOut);
