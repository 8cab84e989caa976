// Scratch holder for the fields of one Codex thread item, filled by a single Utf8JsonReader pass and turned into
// events only once the whole line is known to be valid JSON. A mutable struct on purpose: one per line, no allocation.
using Zwarm.Core.Events;

namespace Zwarm.Core.Agents.Codex;

internal struct CodexItem
{
    public string? Id;
    public CodexItemType Type;
    public string? TypeName;
    public CodexItemStatus Status;
    public string? Text;
    public string? Command;
    public string? Output;
    public int? ExitCode;
    public List<FileChange>? Changes;
    public string? Server;
    public string? Tool;
    public string? Arguments;
    public string? ResultText;
    public string? ErrorMessage;
    public string? Query;
    public string? Todo;
    public string? Message;
    public string? Prompt;
}
