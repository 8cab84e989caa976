// Where bash cannot be made read-only it is not offered — unless the user opted in with
// [orchestrator] bash_unsandboxed — and the line zwarm prints says why and names the setting.
using Zwarm.Core.Sandbox;
using Zwarm.Orchestration.Config;
using Zwarm.Orchestration.Tests.Support;
using Zwarm.Orchestration.Tools;

namespace Zwarm.Orchestration.Tests.Tools.ReadOnly;

public sealed class BashOfferTests : IDisposable
{
    private static readonly BashSandbox NoLandlock = new("/usr/bin/zwarm", new SandboxSupport(0, "this kernel has no Landlock"));
    private readonly OrchestrationWorld _world = new();

    public void Dispose() => _world.Dispose();

    private SessionTools Tools(BashSandbox sandbox, bool optIn) => new(_world.Sessions, new SessionToolOptions
    {
        Source = "orchestrator:t", AllowedDirectories = [_world.WorkDir], WorkingDirectory = _world.WorkDir,
        Sandbox = sandbox, BashUnsandboxed = optIn,
    });

    [Fact]
    public void Without_Landlock_bash_is_not_offered_nor_in_the_prompt_unless_opted_in()
    {
        var refused = Tools(NoLandlock, optIn: false);
        var optedIn = Tools(NoLandlock, optIn: true);
        var noLauncher = Tools(new BashSandbox(null, new SandboxSupport(7, null)), optIn: false);

        Assert.False(refused.IsOffered("bash"));
        Assert.False(refused.Options.BashEnabled); // what the system prompt reads
        Assert.True(optedIn.IsOffered("bash"));
        Assert.False(noLauncher.IsOffered("bash"));
        Assert.Contains("not found", noLauncher.Bash!.Problem);
    }

    [Fact]
    public void The_notice_says_why_and_names_the_setting()
    {
        var refused = BashNotices.For(NoLandlock, optedIn: false);
        var optedIn = BashNotices.For(NoLandlock, optedIn: true);

        Assert.Equal("bash is not offered: its commands cannot be made read-only here (this kernel has no Landlock); " +
            "to offer it without that protection, set [orchestrator] bash_unsandboxed = true", refused);
        Assert.StartsWith("bash is NOT read-only here (this kernel has no Landlock)", optedIn);
    }

    [Fact]
    public void The_opt_in_is_read_from_the_orchestrator_section()
    {
        var document = Zwarm.Core.Config.ConfigDocument.Parse("[orchestrator]\nbash_unsandboxed = true\n", null);

        Assert.True(OrchestratorSettings.Read(document.Root.GetSection("orchestrator")).BashUnsandboxed);
        Assert.False(new OrchestratorSettings().BashUnsandboxed);
    }

    [LandlockFact]
    public void On_this_kernel_bash_is_enforced_through_zwarm_beside_the_tests()
    {
        var tools = Tools(BashSandbox.Detect(), optIn: false);

        Assert.True(tools.IsOffered("bash"));
        Assert.True(tools.Bash!.Enforced);
        Assert.Null(BashNotices.Current(requested: true, optedIn: false));
    }
}
