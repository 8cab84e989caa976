// A read-only view of the file system for a process and all its descendants, with one writable scratch directory,
// built with Landlock (issue 10, item 11). The calling thread restricts itself (no_new_privs, then
// landlock_restrict_self) and execs the target program on that same thread: execve keeps the thread's credentials,
// so the program and everything it starts inherit the ruleset, and nothing can lift it. It must be called from a
// process that exists only to do this (zwarm's hidden `__readonly-exec` verb): the restriction is never applied to a
// thread of a long-lived zwarm, whose later threads would inherit it.
using System.Runtime.InteropServices;

namespace Zwarm.Core.Sandbox;

public static class ReadOnlySandbox
{
    /// <summary>Character devices a read-only command may still write to (`> /dev/null`, `2>/dev/null`).</summary>
    private static readonly string[] WritableDevices = ["/dev/null", "/dev/zero", "/dev/full"];

    private const int ENOSYS = 38;
    private const int EOPNOTSUPP = 95;
    private const int EPERM = 1;

    /// <summary>Whether this kernel can enforce it, asking it the Landlock ABI version.</summary>
    public static SandboxSupport Probe()
    {
        if (!OperatingSystem.IsLinux())
        {
            return new SandboxSupport(0, "Landlock is Linux-only and this is not Linux");
        }
        var abi = LandlockNative.Syscall(LandlockNative.CreateRuleset, 0, 0, (nint)LandlockNative.CreateRulesetVersion, 0);
        if (abi > 0)
        {
            return new SandboxSupport((int)abi, null);
        }
        var errno = Marshal.GetLastPInvokeError();
        return new SandboxSupport(0, errno switch
        {
            ENOSYS => $"this kernel ({Environment.OSVersion.Version}) has no Landlock (it needs Linux 5.13+ built with CONFIG_SECURITY_LANDLOCK)",
            EOPNOTSUPP => "Landlock is built into this kernel but disabled (add landlock to the lsm= boot parameter)",
            EPERM => "the Landlock system calls are blocked here (a container's seccomp profile?)",
            _ => $"landlock_create_ruleset failed: {Marshal.GetPInvokeErrorMessage(errno)}",
        });
    }

    /// <summary>
    /// Restricts the calling thread for good: read and execute everywhere, write only beneath <paramref name="scratch"/>
    /// (plus /dev/null, /dev/zero, /dev/full), no signals or abstract sockets outside (ABI 6+). Returns null when
    /// done, else why not (then nothing usable was applied: the caller must not run anything). <paramref name="maxAbi"/>
    /// uses an older ABI's rights on a newer kernel (the tests prove each ABI's ruleset); it can only lower the ABI.
    /// </summary>
    public static string? Enter(string scratch, int? maxAbi = null)
    {
        var support = Probe();
        if (!support.Enforceable)
        {
            return support.Problem;
        }
        var abi = maxAbi is int cap && cap >= 1 && cap < support.Abi ? cap : support.Abi;
        var handled = LandlockAccess.HandledFs(abi);
        var attr = new LandlockNative.RulesetAttr { HandledAccessFs = handled, Scoped = LandlockAccess.Scoped(abi) };
        var ruleset = (int)CreateRuleset(ref attr, LandlockAccess.RulesetAttrSize(abi));
        if (ruleset < 0)
        {
            return $"landlock_create_ruleset: {LastError()}";
        }
        try
        {
            if (AddPathRule(ruleset, "/", LandlockAccess.ReadAndExecute) is { } rootError)
            {
                return rootError;
            }
            if (AddPathRule(ruleset, scratch, handled) is { } scratchError)
            {
                return scratchError;
            }
            foreach (var device in WritableDevices.Where(File.Exists))
            {
                if (AddPathRule(ruleset, device, (LandlockAccess.FileRights & ~LandlockAccess.Execute) & handled) is { } deviceError)
                {
                    return deviceError;
                }
            }
            // Required before landlock_restrict_self without CAP_SYS_ADMIN; also keeps setuid programs from lifting it.
            if (LandlockNative.Prctl(LandlockNative.PrSetNoNewPrivs, 1, 0, 0, 0) != 0)
            {
                return $"prctl(PR_SET_NO_NEW_PRIVS): {LastError()}";
            }
            if (LandlockNative.Syscall(LandlockNative.RestrictSelf, ruleset, 0, 0, 0) != 0)
            {
                return $"landlock_restrict_self: {LastError()}";
            }
            return null;
        }
        finally
        {
            LandlockNative.Close(ruleset);
        }
    }

    /// <summary>
    /// <see cref="Enter"/>, then runs <paramref name="argv"/>[0] in place of this process. Returns only on failure,
    /// with the reason; nothing runs unrestricted.
    /// </summary>
    public static string Exec(string scratch, IReadOnlyList<string> argv, int? maxAbi = null)
    {
        if (argv.Count == 0)
        {
            return "no program to run";
        }
        if (!Path.IsPathFullyQualified(scratch) || !Directory.Exists(scratch))
        {
            return $"the scratch directory {scratch} is not an existing absolute path";
        }
        if (Enter(scratch, maxAbi) is { } problem)
        {
            return problem;
        }
        return $"cannot run {argv[0]}: {Processes.ProcessImage.Replace(argv[0], argv)}";
    }

    private static unsafe long CreateRuleset(ref LandlockNative.RulesetAttr attr, int size)
    {
        fixed (LandlockNative.RulesetAttr* p = &attr)
        {
            return LandlockNative.Syscall(LandlockNative.CreateRuleset, (nint)p, size, 0, 0);
        }
    }

    private static unsafe string? AddPathRule(int ruleset, string path, ulong access)
    {
        var fd = LandlockNative.Open(path, LandlockNative.OPath | LandlockNative.OCloexec);
        if (fd < 0)
        {
            return $"open {path}: {LastError()}";
        }
        try
        {
            var rule = new LandlockNative.PathBeneathAttr { AllowedAccess = access, ParentFd = fd };
            return LandlockNative.Syscall(LandlockNative.AddRule, ruleset, LandlockNative.RuleTypePathBeneath, (nint)(&rule), 0) == 0
                ? null
                : $"landlock_add_rule {path}: {LastError()}";
        }
        finally
        {
            LandlockNative.Close(fd);
        }
    }

    private static string LastError() => Marshal.GetLastPInvokeErrorMessage();
}
