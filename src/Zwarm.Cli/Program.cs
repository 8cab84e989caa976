// Entry point of the `zwarm` executable.
using Zwarm.Cli;
using Zwarm.Cli.Infrastructure;

var terminal = Terminal.FromProcess();
return await ZwarmCli.RunAsync(args, terminal, new ContextFactory());
