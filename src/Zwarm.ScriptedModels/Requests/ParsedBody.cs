namespace Zwarm.ScriptedModels.Requests;

/// <summary>The API-specific body, reduced to what every API shares.</summary>
internal sealed record ParsedBody(
    string? Model,
    bool Stream,
    IReadOnlyList<ModelMessage> Messages,
    IReadOnlyList<string> ToolNames)
{
    public static ParsedBody Empty { get; } = new(null, false, [], []);
}
