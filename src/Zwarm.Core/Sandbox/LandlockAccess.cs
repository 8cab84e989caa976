// Landlock's access rights and which ABI version knows which (linux/landlock.h). A ruleset must handle exactly the
// rights its kernel knows: a right the kernel does not know is EINVAL, a right it knows but the ruleset leaves
// unhandled is allowed everywhere. So each ABI gets its own mask, and the rules only grant what the ruleset handles.
namespace Zwarm.Core.Sandbox;

internal static class LandlockAccess
{
    public const ulong Execute = 1UL << 0;
    public const ulong WriteFile = 1UL << 1;
    public const ulong ReadFile = 1UL << 2;
    public const ulong ReadDir = 1UL << 3;
    public const ulong RemoveDir = 1UL << 4;
    public const ulong RemoveFile = 1UL << 5;
    public const ulong MakeChar = 1UL << 6;
    public const ulong MakeDir = 1UL << 7;
    public const ulong MakeReg = 1UL << 8;
    public const ulong MakeSock = 1UL << 9;
    public const ulong MakeFifo = 1UL << 10;
    public const ulong MakeBlock = 1UL << 11;
    public const ulong MakeSym = 1UL << 12;

    /// <summary>ABI 2: link or rename a file into another directory (unhandled in ABI 1, where it is always denied).</summary>
    public const ulong Refer = 1UL << 13;

    /// <summary>ABI 3: truncate(2), ftruncate of a file opened here, open with O_TRUNC.</summary>
    public const ulong Truncate = 1UL << 14;

    /// <summary>ABI 5: ioctl on character and block devices.</summary>
    public const ulong IoctlDev = 1UL << 15;

    /// <summary>ABI 6 scopes: connect to abstract unix sockets, send signals, outside the sandbox.</summary>
    public const ulong ScopeAbstractUnixSocket = 1UL << 0;
    public const ulong ScopeSignal = 1UL << 1;

    /// <summary>Reading files and directories and executing programs: what the sandbox may do everywhere.</summary>
    public const ulong ReadAndExecute = Execute | ReadFile | ReadDir;

    /// <summary>The rights a rule on a file (not a directory) may carry.</summary>
    public const ulong FileRights = Execute | WriteFile | ReadFile | Truncate | IoctlDev;

    private const ulong Abi1 = (1UL << 13) - 1;

    /// <summary>Every file-system right ABI <paramref name="abi"/> knows (0 when Landlock is missing).</summary>
    public static ulong HandledFs(int abi) => abi switch
    {
        < 1 => 0,
        1 => Abi1,
        2 => Abi1 | Refer,
        3 or 4 => Abi1 | Refer | Truncate,
        _ => Abi1 | Refer | Truncate | IoctlDev,
    };

    /// <summary>The scopes ABI <paramref name="abi"/> knows.</summary>
    public static ulong Scoped(int abi) => abi >= 6 ? ScopeAbstractUnixSocket | ScopeSignal : 0;

    /// <summary>How many bytes of struct landlock_ruleset_attr ABI <paramref name="abi"/> reads.</summary>
    public static int RulesetAttrSize(int abi) => abi >= 6 ? 24 : abi >= 4 ? 16 : 8;
}
