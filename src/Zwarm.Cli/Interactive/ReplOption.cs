namespace Zwarm.Cli.Interactive;

/// <summary>An option of a REPL command: `--name`, an optional short form, and a value unless it is a flag.</summary>
/// <param name="ValueName">Shown in help ("--model M"); null for a flag.</param>
internal sealed record ReplOption(string Name, string? Short, string? ValueName, string Description,
    ValueKind Values = ValueKind.None)
{
    public bool TakesValue => ValueName is not null;

    public string Syntax => (Short is null ? Name : $"{Short}, {Name}") + (ValueName is null ? "" : " " + ValueName);
}
