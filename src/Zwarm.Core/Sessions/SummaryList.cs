namespace Zwarm.Core.Sessions;

/// <summary>The sessions of a listing as summaries, each decoded from the index's JSON only when it is read.</summary>
internal sealed class SummaryList(IReadOnlyList<ListedSummary> items) : IReadOnlyList<SessionSummary>
{
    public IReadOnlyList<ListedSummary> Items => items;

    public int Count => items.Count;

    public SessionSummary this[int index] => items[index].Summary;

    public IEnumerator<SessionSummary> GetEnumerator()
    {
        foreach (var item in items)
        {
            yield return item.Summary;
        }
    }

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
}
