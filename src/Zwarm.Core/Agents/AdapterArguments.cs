namespace Zwarm.Core.Agents;

/// <summary>Small pieces every adapter needs when building a command line.</summary>
internal static class AdapterArguments
{
    /// <summary>The model to pass: the request's, else the configured default, else none (the CLI decides).</summary>
    public static string? ModelFor(TurnRequest request) =>
        !string.IsNullOrWhiteSpace(request.Model) ? request.Model
        : !string.IsNullOrWhiteSpace(request.Settings.DefaultModel) ? request.Settings.DefaultModel
        : null;
}
