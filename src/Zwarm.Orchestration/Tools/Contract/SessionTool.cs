// One tool of the tool surface, declared once: its name, kind, description, typed arguments (the JSON schema is
// generated from them) and handler. The orchestrator, pilot and `zwarm mcp` all offer these same objects, so
// adding a tool is one file in Definitions/ plus its line in ToolCatalog.
using System.Text.Json;
using Microsoft.Extensions.AI;

namespace Zwarm.Orchestration.Tools;

public abstract class SessionTool
{
    public abstract string Name { get; }

    public abstract ToolKind Kind { get; }

    /// <summary>What the model or client reads about the tool (limits of <paramref name="options"/> may appear in it).</summary>
    public abstract string Describe(SessionToolOptions options);

    /// <summary>The JSON schema of the arguments, for <paramref name="tools"/> (enums of adapters, limits).</summary>
    public abstract JsonElement Schema(SessionTools tools);

    /// <summary>The declaration put in ChatOptions.Tools.</summary>
    public AIFunctionDeclaration Declare(SessionTools tools) =>
        AIFunctionFactory.CreateDeclaration(Name, Describe(tools.Options), Schema(tools));

    /// <summary>Reads the arguments and runs the tool. Bad arguments throw <see cref="ToolArgumentException"/>.</summary>
    internal abstract Task<ToolOutcome> InvokeAsync(SessionTools tools, IDictionary<string, object?>? arguments,
        CancellationToken cancellationToken);
}
