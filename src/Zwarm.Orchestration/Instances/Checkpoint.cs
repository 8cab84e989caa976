// A pilot checkpoint T<n>: where the conversation stood after the human's n-th turn (how many messages, and what
// had been spent by then). `:goto T<n>` cuts the conversation back to Messages; T0 is the bare system prompt.
using System.Text.Json.Serialization;
using Zwarm.Core.Sessions;

namespace Zwarm.Orchestration.Instances;

public sealed record Checkpoint
{
    [JsonPropertyName("turn")] public required int Turn { get; init; }

    /// <summary>Messages of the conversation at this checkpoint (the system prompt included).</summary>
    [JsonPropertyName("messages")] public required int Messages { get; init; }

    /// <summary>The human's message that opened the turn (shortened).</summary>
    [JsonPropertyName("message")] public string Message { get; init; } = "";

    /// <summary>Model calls made over the whole instance by the end of this turn.</summary>
    [JsonPropertyName("steps")] public int Steps { get; init; }

    /// <summary>Tokens of the context at this checkpoint, as the provider last reported them (null: unknown).</summary>
    [JsonPropertyName("context_tokens")] public long? ContextTokens { get; init; }

    /// <summary>How the turn ended: answered, step_limit, interrupted or failed.</summary>
    [JsonPropertyName("end")] public string End { get; init; } = "answered";

    [JsonPropertyName("at")] public DateTimeOffset At { get; init; }

    [JsonIgnore] public string Label => LabelOf(Turn);

    public static string LabelOf(int turn) => "T" + turn.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The turn of a label ("T3", "t3" or "3"); null when it is not one.</summary>
    public static int? ParseLabel(string? text)
    {
        var t = text?.Trim() ?? "";
        if (t.StartsWith('T') || t.StartsWith('t'))
        {
            t = t[1..];
        }
        return t.Length is > 0 and < 9 && t.All(char.IsAsciiDigit)
            ? int.Parse(t, System.Globalization.CultureInfo.InvariantCulture)
            : null;
    }
}
