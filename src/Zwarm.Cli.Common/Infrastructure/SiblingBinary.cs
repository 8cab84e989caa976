// The binaries a native install keeps beside the lean `zwarm` (docs/binaries.md): each is found through its own
// environment variable, else by its file name in the directory of the running executable.
namespace Zwarm.Cli.Infrastructure;

/// <summary>A zwarm binary installed beside the lean `zwarm`: its file name and the variable that may name it instead.</summary>
internal sealed record SiblingBinary(string FileName, string Variable)
{
    /// <summary>The full build: orchestrate, pilot, demo, dashboard, mcp --http, mcp install.</summary>
    public static readonly SiblingBinary Llm = new("zwarm-llm", "ZWARM_LLM_BIN");

    /// <summary>The MCP-only build: `zwarm mcp` over stdio.</summary>
    public static readonly SiblingBinary Mcp = new("zwarm-mcp", "ZWARM_MCP_BIN");

    /// <summary>The path: the variable's value when it is set and not empty, else <see cref="Beside"/>.</summary>
    public string Resolve(IReadOnlyDictionary<string, string?> environment, string? processPath) =>
        NamedByVariable(environment) ? environment[Variable]! : Beside(processPath);

    /// <summary>The file of this name in the directory of <paramref name="processPath"/>.</summary>
    public string Beside(string? processPath) => Path.Combine(Path.GetDirectoryName(processPath) ?? ".", FileName);

    /// <summary>Whether the environment names the binary explicitly.</summary>
    public bool NamedByVariable(IReadOnlyDictionary<string, string?> environment) =>
        environment.GetValueOrDefault(Variable) is { Length: > 0 };
}
