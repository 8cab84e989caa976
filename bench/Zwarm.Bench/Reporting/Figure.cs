namespace Zwarm.Bench.Reporting;

/// <summary>
/// One row of the results table. <see cref="Pass"/> is null for rows that only report (no target).
/// <see cref="Note"/> says how the numbers were taken (medians over how many runs, CPU time, memory).
/// </summary>
internal sealed record Figure(string Name, string Python, string Zwarm, string Ratio, string Target, bool? Pass, string Note = "");
