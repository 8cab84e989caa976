// The Landlock system calls (Linux 5.13+) and prctl(PR_SET_NO_NEW_PRIVS), which the BCL does not expose. The syscall
// numbers are the same on every architecture (Landlock came after the tables were unified). LibraryImport keeps it
// Native-AOT friendly; glibc's syscall() is an assembly stub, so calling it with plain integer arguments is safe.
using System.Runtime.InteropServices;

namespace Zwarm.Core.Sandbox;

internal static partial class LandlockNative
{
    public const long CreateRuleset = 444;
    public const long AddRule = 445;
    public const long RestrictSelf = 446;

    /// <summary>landlock_create_ruleset(NULL, 0, this) returns the ABI version instead of a ruleset.</summary>
    public const uint CreateRulesetVersion = 1;

    public const int RuleTypePathBeneath = 1;
    public const int PrSetNoNewPrivs = 38;
    public const int OPath = 0x200000;
    public const int OCloexec = 0x80000;

    /// <summary>struct landlock_ruleset_attr (ABI 1-3 read only the first field, 4-5 two, 6+ all three).</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct RulesetAttr
    {
        public ulong HandledAccessFs;
        public ulong HandledAccessNet;
        public ulong Scoped;
    }

    /// <summary>struct landlock_path_beneath_attr, packed: 12 bytes.</summary>
    [StructLayout(LayoutKind.Sequential, Pack = 1)]
    public struct PathBeneathAttr
    {
        public ulong AllowedAccess;
        public int ParentFd;
    }

    [LibraryImport("libc", EntryPoint = "syscall", SetLastError = true)]
    public static partial long Syscall(long number, nint arg1, nint arg2, nint arg3, nint arg4);

    [LibraryImport("libc", EntryPoint = "prctl", SetLastError = true)]
    public static partial int Prctl(int option, nuint arg2, nuint arg3, nuint arg4, nuint arg5);

    [LibraryImport("libc", EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int Open(string path, int flags);

    [LibraryImport("libc", EntryPoint = "close")]
    public static partial int Close(int fd);
}
