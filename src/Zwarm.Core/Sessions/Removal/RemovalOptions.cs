namespace Zwarm.Core.Sessions;

/// <summary>
/// How <see cref="SessionRemoval"/> treats what it may not simply delete: running sessions are killed first when
/// <paramref name="KillRunning"/> (else nothing is removed), damaged or half-made folders go when
/// <paramref name="RemoveDamaged"/>. <paramref name="ForceFlag"/> names the flag that allows it in refusals.
/// </summary>
public sealed record RemovalOptions(bool KillRunning, bool RemoveDamaged, string ForceFlag = "--force");
