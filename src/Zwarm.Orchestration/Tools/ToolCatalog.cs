// Every tool of the surface, in the order they are offered. A face filters by SessionToolOptions.Offers; adding a
// tool is its file in Definitions/ and one line here.
namespace Zwarm.Orchestration.Tools;

internal static class ToolCatalog
{
    public static IReadOnlyList<SessionTool> All { get; } =
    [
        new DelegateTool(),
        new ConverseTool(),
        new CheckSessionTool(),
        new PeekSessionTool(),
        new GetTrajectoryTool(),
        new ListSessionsTool(),
        new EndSessionTool(),
        new DiffSessionTool(),
        new MergeSessionTool(),
        new DiscardSessionTool(),
        new WaitForSessionsTool(),
        new SleepTool(),
        new BashTool(),
        new ExitTool(),
    ];
}
