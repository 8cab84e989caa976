namespace Zwarm.Core.Processes;

/// <summary>
/// Where and as what a turn runs: its files' folder and number, its launch token (see <see cref="TurnToken"/>), and
/// the finalizer the supervisor runs once the exit record is written (null: the next zwarm reader finalizes).
/// </summary>
internal sealed record TurnLaunch(string TurnsDirectory, int Turn, string Token, TurnFinalizer? Finalizer = null);

/// <summary>zwarm's own executable and what `zwarm __finalize --state-dir DIR ID TURN` needs to close the turn.</summary>
internal sealed record TurnFinalizer(string Executable, string StateDirectory, string SessionId);
