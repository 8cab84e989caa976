// [watchers] and its sub-tables, read through the tracked config (unknown keys are errors).
using Zwarm.Core.Config;
using Zwarm.Orchestration.Config;
using Zwarm.Orchestration.Llm;

namespace Zwarm.Orchestration.Watchers;

public sealed record WatchersSettings
{
    /// <summary>Master switch: false runs no watcher at all.</summary>
    public bool Enabled { get; init; } = true;
    public ProgressWatcherSettings Progress { get; init; } = new();
    public BudgetWatcherSettings Budget { get; init; } = new();
    public ScopeWatcherSettings Scope { get; init; } = new();
    public PatternWatcherSettings Pattern { get; init; } = new();
    public DelegationWatcherSettings Delegation { get; init; } = new();
    public DelegationReminderSettings DelegationReminder { get; init; } = new();
    public LlmWatcherSettings Llm { get; init; } = new();

    /// <param name="orchestratorLlm">The orchestrator's LLM settings, which the llm watcher's defaults follow.</param>
    public static WatchersSettings Read(ConfigSection? section, LlmSettings orchestratorLlm)
    {
        var d = new WatchersSettings();
        var reviewerDefaults = orchestratorLlm with
        {
            Model = orchestratorLlm.Provider.DefaultCheapModel() ?? orchestratorLlm.Model,
            ReasoningEffort = null,
            Stream = false,
        };
        if (section is null)
        {
            return d with { Llm = d.Llm with { Llm = reviewerDefaults } };
        }
        return new WatchersSettings
        {
            Enabled = section.GetBool("enabled") ?? true,
            Progress = ReadProgress(section.GetSection("progress"), d.Progress),
            Budget = ReadBudget(section.GetSection("budget"), d.Budget),
            Scope = ReadScope(section.GetSection("scope"), d.Scope),
            Pattern = ReadPattern(section.GetSection("pattern"), d.Pattern),
            Delegation = ReadDelegation(section.GetSection("delegation"), d.Delegation),
            DelegationReminder = ReadReminder(section.GetSection("delegation_reminder"), d.DelegationReminder),
            Llm = ReadLlm(section.GetSection("llm"), d.Llm, reviewerDefaults),
        };
    }

    private static ProgressWatcherSettings ReadProgress(ConfigSection? s, ProgressWatcherSettings d) => s is null ? d : d with
    {
        Enabled = s.GetBool("enabled") ?? d.Enabled,
        Priority = SettingReader.Int(s, "priority", -1000, 1000) ?? d.Priority,
        MaxRepeats = SettingReader.Int(s, "max_repeats", 0, 1000) ?? d.MaxRepeats,
        AbortRepeats = SettingReader.Int(s, "abort_repeats", 0, 1000) ?? d.AbortRepeats,
        StallSteps = SettingReader.Int(s, "stall_steps", 0, 10000) ?? d.StallSteps,
    };

    private static BudgetWatcherSettings ReadBudget(ConfigSection? s, BudgetWatcherSettings d) => s is null ? d : d with
    {
        Enabled = s.GetBool("enabled") ?? d.Enabled,
        Priority = SettingReader.Int(s, "priority", -1000, 1000) ?? d.Priority,
        MaxSteps = SettingReader.Int(s, "max_steps", 0, 1_000_000) ?? d.MaxSteps,
        MaxTokens = s.GetInteger("max_tokens") is { } t && t >= 0 ? t : Negative(s, "max_tokens", d.MaxTokens),
        MaxCostUsd = SettingReader.Number(s, "max_cost_usd", 0, 1_000_000) ?? d.MaxCostUsd,
        MaxSessions = SettingReader.Int(s, "max_sessions", 0, 100_000) ?? d.MaxSessions,
        WarnAt = SettingReader.Number(s, "warn_at", 0, 1) ?? d.WarnAt,
    };

    private static ScopeWatcherSettings ReadScope(ConfigSection? s, ScopeWatcherSettings d) => s is null ? d : d with
    {
        Enabled = s.GetBool("enabled") ?? d.Enabled,
        Priority = SettingReader.Int(s, "priority", -1000, 1000) ?? d.Priority,
        Keywords = s.GetStringList("keywords") ?? d.Keywords,
        Action = SettingReader.Action(s, "action") ?? d.Action,
    };

    private static PatternWatcherSettings ReadPattern(ConfigSection? s, PatternWatcherSettings d)
    {
        if (s is null)
        {
            return d;
        }
        var rules = new List<PatternRule>();
        if (s.GetSection("rules") is { } table)
        {
            foreach (var name in table.Keys.ToList())
            {
                if (table.GetSection(name) is not { } rule)
                {
                    continue;
                }
                var regex = rule.GetString("regex");
                var action = SettingReader.Action(rule, "action") ?? WatcherAction.Nudge;
                var target = rule.GetString("target") ?? "all";
                var message = rule.GetString("message");
                if (!PatternRule.Targets.Contains(target))
                {
                    rule.Error("target", $"must be one of {string.Join(", ", PatternRule.Targets)}");
                    continue;
                }
                if (string.IsNullOrEmpty(regex))
                {
                    rule.Error("regex", "is required");
                    continue;
                }
                try
                {
                    rules.Add(new PatternRule(name, PatternWatcher.Compile(regex), action, string.IsNullOrWhiteSpace(message) ? null : message, target));
                }
                catch (ArgumentException e)
                {
                    rule.Error("regex", $"is not a valid regular expression: {e.Message}");
                }
            }
        }
        return d with
        {
            Enabled = s.GetBool("enabled") ?? d.Enabled,
            Priority = SettingReader.Int(s, "priority", -1000, 1000) ?? d.Priority,
            Rules = rules,
        };
    }

    private static DelegationWatcherSettings ReadDelegation(ConfigSection? s, DelegationWatcherSettings d) => s is null ? d : d with
    {
        Enabled = s.GetBool("enabled") ?? d.Enabled,
        Priority = SettingReader.Int(s, "priority", -1000, 1000) ?? d.Priority,
        Action = SettingReader.Action(s, "action") ?? d.Action,
        AbortAfter = SettingReader.Int(s, "abort_after", 0, 10_000) ?? d.AbortAfter,
    };

    private static DelegationReminderSettings ReadReminder(ConfigSection? s, DelegationReminderSettings d) => s is null ? d : d with
    {
        Enabled = s.GetBool("enabled") ?? d.Enabled,
        Priority = SettingReader.Int(s, "priority", -1000, 1000) ?? d.Priority,
        Steps = SettingReader.Int(s, "steps", 0, 10_000) ?? d.Steps,
    };

    private static LlmWatcherSettings ReadLlm(ConfigSection? s, LlmWatcherSettings d, LlmSettings reviewerDefaults) => s is null
        ? d with { Llm = reviewerDefaults }
        : d with
        {
            Enabled = s.GetBool("enabled") ?? d.Enabled,
            Priority = SettingReader.Int(s, "priority", -1000, 1000) ?? d.Priority,
            Every = SettingReader.Int(s, "every", 1, 10_000) ?? d.Every,
            LastMessages = SettingReader.Int(s, "last_messages", 1, 10_000) ?? d.LastMessages,
            Llm = LlmSettings.ReadInherited(s, reviewerDefaults, p => p.DefaultCheapModel()),
        };

    private static long Negative(ConfigSection s, string key, long fallback)
    {
        if (s.Has(key))
        {
            s.Error(key, "must be 0 (no limit) or more");
        }
        return fallback;
    }
}
