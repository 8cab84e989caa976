using Zwarm.Cluster.Workers;
using Zwarm.Worker.Rendering;

namespace Zwarm.Cluster.Tests.Units;

public sealed class WorkersTableTests
{
    [Fact]
    public void Long_names_labels_and_agents_are_cut_so_every_line_fits_80_columns()
    {
        var rows = new[]
        {
            new WorkerRow("a-very-long-worker-name", "255.255.255.255:65535", 1, "shutting-down", 12, 16,
                ["gpu", "big-memory", "team-a"], ["codex", "claude_code", "gemini", "qwen", "opencode"], DateTimeOffset.UnixEpoch, 86400 * 3),
            new WorkerRow("w2", "10.0.0.2:11111", 1, "joining", null, null, [], [], DateTimeOffset.UnixEpoch, null),
        };
        var output = new StringWriter();

        WorkersTable.Write(output, rows);

        var lines = output.ToString().TrimEnd().Split('\n');
        Assert.Equal(3, lines.Length);
        Assert.All(lines, l => Assert.True(l.Length <= WorkersTable.Width, $"{l.Length}: {l}"));
        Assert.StartsWith("a-very-lo… 255.255.255.255:65535 shuttin… 12/16 3d    gpu,big-mem…", lines[1]);
        Assert.Equal("w2         10.0.0.2:11111        joining  -     -     -            -", lines[2]);
    }

    [Fact]
    public void An_empty_cluster_says_so()
    {
        var output = new StringWriter();

        WorkersTable.Write(output, []);

        Assert.Equal("no workers have joined this cluster\n", output.ToString());
    }
}
