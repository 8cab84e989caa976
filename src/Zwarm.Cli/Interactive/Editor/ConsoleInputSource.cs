using RadLine;

namespace Zwarm.Cli.Interactive.Editor;

/// <summary>
/// Keys from the process console. RadLine's own source refuses to run unless Spectre sees System.Console.Out,
/// which our writer is not.
/// </summary>
internal sealed class ConsoleInputSource : IInputSource
{
    public bool ByPassProcessing => false;

    public bool IsKeyAvailable() => Console.KeyAvailable;

    public ConsoleKeyInfo ReadKey() => Console.ReadKey(intercept: true);
}
