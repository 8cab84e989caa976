namespace Zwarm.Core.Sessions;

/// <summary>
/// One line of sessions/.index.jsonl: what `ls` shows of a session, plus the meta.json stamp it was taken from.
/// The index is only a cache; meta.json stays the ground truth and a stale entry is re-read from it.
/// </summary>
internal sealed record SessionIndexEntry(long Stamp, long Size, ListedSummary Listed);
