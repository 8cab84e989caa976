// The commented sections `zwarm init` writes must name every key the readers accept with its real default: every
// "# key = value" line, uncommented, is valid config, and gives the same settings as no config at all.
using System.Text.RegularExpressions;
using Zwarm.Core.Config;
using Zwarm.Orchestration.Config;

namespace Zwarm.Orchestration.Tests.Config;

public sealed partial class ConfigTemplateTests
{
    [Fact]
    public void Every_commented_key_uncommented_is_accepted_and_matches_the_defaults()
    {
        var text = string.Join("\n", OrchestrationConfigTemplate.Sections);
        var uncommented = KeyLine().Replace(text, "$1");

        var document = ConfigDocument.Parse(uncommented, "template");
        var config = OrchestrationConfig.Read(document);
        document.Validate();

        var keys = KeyLine().Matches(text).Count;
        Assert.True(keys >= 50, $"only {keys} keys in the template");
        var defaults = OrchestrationConfig.Default;
        Assert.Equal(defaults.Orchestrator with { Llm = defaults.Orchestrator.Llm, AllowedDirs = [] },
            config.Orchestrator with { Llm = defaults.Orchestrator.Llm, AllowedDirs = [] });
        Assert.Equal(defaults.Orchestrator.AllowedDirs, config.Orchestrator.AllowedDirs);
        Assert.Equal(defaults.Orchestrator.Llm.Model, config.Orchestrator.Llm.Model);
        Assert.Equal(defaults.Watchers.Budget, config.Watchers.Budget);
        Assert.Equal(defaults.Watchers.Progress, config.Watchers.Progress);
        Assert.Equal(defaults.Watchers.DelegationReminder, config.Watchers.DelegationReminder);
        Assert.Equal(defaults.Pilot.MaxStepsPerTurn, config.Pilot.MaxStepsPerTurn);
    }

    [Fact]
    public void The_full_init_template_parses_as_is()
    {
        var document = ConfigDocument.Parse(ConfigTemplate.Build(OrchestrationConfigTemplate.Sections), "config.toml");
        ZwarmConfig.Read(document, n => n);
        OrchestrationConfig.Read(document);
        document.Validate();
    }

    [Fact]
    public void Pattern_rules_are_read_from_named_tables_and_bad_ones_reported()
    {
        var document = ConfigDocument.Parse("""
            [watchers.pattern.rules.force]
            regex = "git push -f"
            action = "abort"
            [watchers.pattern.rules.broken]
            regex = "("
            [watchers.pattern.rules.target]
            regex = "x"
            target = "everywhere"
            """, "c");
        var config = OrchestrationConfig.Read(document);

        var rule = Assert.Single(config.Watchers.Pattern.Rules);
        Assert.Equal("force", rule.Name);
        var e = Assert.Throws<Zwarm.Core.ZwarmException>(document.Validate);
        Assert.Contains("watchers.pattern.rules.broken.regex: is not a valid regular expression", e.Message);
        Assert.Contains("watchers.pattern.rules.target.target: must be one of", e.Message);
    }

    [GeneratedRegex(@"(?m)^# ([a-z_]+ = .*)$")]
    private static partial Regex KeyLine();
}
