// The pieces of a step that content watchers (scope, pattern, delegation) look at, labelled by where they came from.
using System.Text.Json;
using Zwarm.Orchestration.Loop;
using Zwarm.Orchestration.Tools;

namespace Zwarm.Orchestration.Watchers;

internal static class StepContent
{
    /// <summary>Where a piece of text came from: "text" (the model's reply), "tool_call:NAME" or "tool_result:NAME".</summary>
    public static IEnumerable<(string Where, string Text)> Pieces(StepRecord step)
    {
        if (!string.IsNullOrWhiteSpace(step.Text))
        {
            yield return ("text", step.Text);
        }
        foreach (var call in step.ToolCalls)
        {
            yield return ($"tool_call:{call.Name}", ArgumentsText(call.ArgumentsJson));
            yield return ($"tool_result:{call.Name}", call.ResultJson);
        }
    }

    /// <summary>Commands the model ran through bash in this step.</summary>
    public static IEnumerable<string> BashCommands(StepRecord step) =>
        step.ToolCalls.Where(c => c.Name == ToolNames.Bash)
            .Select(c => StringArgument(c.ArgumentsJson, "command"))
            .OfType<string>();

    /// <summary>The string values of a call's arguments joined by newlines (what the model wrote, without JSON escapes).</summary>
    public static string ArgumentsText(string argumentsJson)
    {
        try
        {
            using var doc = JsonDocument.Parse(argumentsJson);
            if (doc.RootElement.ValueKind != JsonValueKind.Object)
            {
                return argumentsJson;
            }
            var parts = new List<string>();
            foreach (var property in doc.RootElement.EnumerateObject())
            {
                parts.Add(property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString()! : property.Value.GetRawText());
            }
            return string.Join("\n", parts);
        }
        catch (JsonException)
        {
            return argumentsJson;
        }
    }

    public static string? StringArgument(string argumentsJson, string name)
    {
        try
        {
            using var doc = JsonDocument.Parse(argumentsJson);
            return doc.RootElement.ValueKind == JsonValueKind.Object
                && doc.RootElement.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
                ? value.GetString()
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public static string Shorten(string text, int max = 160)
    {
        var flat = text.ReplaceLineEndings(" ").Trim();
        return flat.Length <= max ? flat : flat[..max] + "…";
    }
}
