// execv(2): replace the running program with another one, keeping the pid, the terminal, open descriptors, signal
// dispositions and the environment the process started with. Used by the native `zwarm` to hand orchestrate and pilot
// to `zwarm-llm`.
using System.Runtime.InteropServices;

namespace Zwarm.Core.Processes;

public static partial class ProcessImage
{
    /// <summary>
    /// Runs <paramref name="path"/> in place of this process with <paramref name="argv"/> (argv[0] included). Returns
    /// only when that fails, with the reason.
    /// </summary>
    public static string Replace(string path, IReadOnlyList<string> argv)
    {
        var pointers = new nint[argv.Count + 1]; // NULL-terminated
        try
        {
            for (var i = 0; i < argv.Count; i++)
            {
                pointers[i] = Marshal.StringToCoTaskMemUTF8(argv[i]);
            }
            _ = ExecV(path, pointers);
            return Marshal.GetLastPInvokeErrorMessage();
        }
        finally
        {
            foreach (var p in pointers)
            {
                Marshal.FreeCoTaskMem(p);
            }
        }
    }

    [LibraryImport("libc", EntryPoint = "execv", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int ExecV(string path, nint[] argv);
}
