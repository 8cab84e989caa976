namespace Zwarm.Core.Sessions;

/// <summary>
/// How <see cref="SessionRemoval"/> treats what it may not simply delete: running sessions are killed first when
/// <paramref name="KillRunning"/> (else nothing is removed), damaged or half-made folders go when
/// <paramref name="RemoveDamaged"/>, and an isolated session whose branch holds unmerged work only when
/// <paramref name="DiscardWork"/> (else nothing is removed). <paramref name="ForceFlag"/> names the flag that allows
/// killing in refusals.
/// </summary>
public sealed record RemovalOptions(bool KillRunning, bool RemoveDamaged, string ForceFlag = "--force", bool DiscardWork = false);
