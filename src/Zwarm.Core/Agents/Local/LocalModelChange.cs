namespace Zwarm.Core.Agents.Local;

/// <summary>What `zwarm agents use-local` wrote (or, with --print, would write).</summary>
/// <param name="Adapter">The adapter's name.</param>
/// <param name="Setup">The per-agent settings; null for `--off`.</param>
/// <param name="ConfigPath">The config.toml edited.</param>
/// <param name="Block">The managed lines of config.toml as written; null for `--off`.</param>
/// <param name="Changed">config.toml's content changed (false when `--off` found nothing to remove).</param>
/// <param name="Written">Files were written (false with --print).</param>
public sealed record LocalModelChange(
    string Adapter,
    LocalModelSetup? Setup,
    string ConfigPath,
    string? Block,
    bool Changed,
    bool Written);
