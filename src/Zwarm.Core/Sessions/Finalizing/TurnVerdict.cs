namespace Zwarm.Core.Sessions.Finalizing;

/// <summary>How an ended turn is recorded: its status, the error shown, the exit code and the signal behind it.</summary>
internal sealed record TurnVerdict(SessionStatus Status, string? Error, int? ExitCode, string? Signal);
