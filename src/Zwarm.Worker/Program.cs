// Entry point of `zwarm-worker`, the cluster's program (framework-dependent: Orleans is not AOT-compatible).
using Zwarm.Worker;

return await WorkerCli.RunAsync(args, Console.Out, Console.Error, Zwarm.Core.Config.ZwarmContext.CaptureEnvironment());
