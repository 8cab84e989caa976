// Entry point of `zwarm-mcp`: `zwarm-mcp mcp [options]` serves zwarm's session tools over stdio, exactly as `zwarm
// mcp` does (the same options, McpServeOptions; the same global --state-dir, --config, --set). The lean `zwarm` execs
// it with its own command line (HandOff), and `zwarm mcp install` registers it when it is installed. stdout is the
// protocol: every note and error goes to stderr.
using System.CommandLine;
using Zwarm.Cli.Infrastructure;
using Zwarm.Core.Sessions;
using Zwarm.Mcp;
using Zwarm.Mcp.CommandLine;
using Zwarm.Orchestration.Tools;

var serve = new McpServeOptions();
var mcp = new Command(McpServeOptions.Name, McpServeOptions.Description);
serve.AddTo(mcp);
var root = new RootCommand("zwarm-mcp: zwarm's MCP server over stdio (run as `zwarm mcp`; `zwarm mcp --http` and `zwarm mcp install` are in zwarm-llm)");
GlobalOptions.AddTo(root);
root.Subcommands.Add(mcp);
var factory = new ContextFactory();
mcp.SetAction(async (parse, cancellationToken) =>
{
    try
    {
        var loaded = factory.Create(parse);
        var settings = serve.Settings(parse, loaded.Context.WorkingDirectory, loaded.Upper.Orchestration.Orchestrator.BashUnsandboxed);
        if (BashNotices.Current(settings.Bash, settings.BashUnsandboxed) is { } notice)
        {
            Console.Error.WriteLine($"zwarm: {notice}");
        }
        return await new ZwarmMcpServer(new SessionService(loaded.Context), settings, Console.Error).RunStdioAsync(cancellationToken);
    }
    catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
    {
        Console.Error.WriteLine("zwarm: interrupted");
        return ExitCodes.Interrupted;
    }
    catch (Exception e)
    {
        var failure = Failures.Describe(e);
        Console.Error.WriteLine($"zwarm: {failure.Message}");
        if (failure.Unexpected && Failures.Debug)
        {
            Console.Error.WriteLine(e.ToString());
        }
        return failure.Code;
    }
});
// No response files: an argument such as "@dir" is a value, not a file of arguments.
var parsed = root.Parse(args, new ParserConfiguration { ResponseFileTokenReplacer = null });
if (parsed.Errors.Count > 0)
{
    foreach (var error in parsed.Errors)
    {
        Console.Error.WriteLine($"zwarm: {error.Message}");
    }
    Console.Error.WriteLine("Run 'zwarm mcp --help' for usage.");
    return ExitCodes.Usage;
}
return await parsed.InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
