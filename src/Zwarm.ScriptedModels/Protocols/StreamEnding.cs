namespace Zwarm.ScriptedModels.Protocols;

/// <summary>How a streamed reply ends: normally, with an in-band error event, or cut before its completion event.</summary>
internal enum StreamEnding
{
    Complete,
    Fail,
    Cut,
}
