// What one fuzz case damages: a file of the victim session, its crafted pids, the index, the instance's state, or a
// whole folder (FuzzCase weighs them in this order).
namespace Zwarm.Faults.Tests.Fuzz;

internal enum FuzzTarget
{
    Meta,
    CraftedPids,
    TurnFile,
    Stderr,
    ExitRecord,
    ExitReservation,
    PidFile,
    Index,
    InstanceState,
    SessionFolder,
    TurnsFolder,
}
