using VnTrace.Gs1.Epcis;

namespace VnTrace.Server.Lots.Diary;

/// <summary>
/// Diary entries of one business stored together, all or none. <see cref="DiaryService"/>'s <c>AddAsync</c> checks
/// each entry and builds its event as if the entries added before it were already stored — a harvest meets the
/// pre-harvest interval of an input added before it, a second harvest of a lot adds to the first — and
/// <see cref="DiaryService.StoreAsync"/> captures every event in one document (one capture is atomic) with the lot
/// changes the entries staged. A batch lives in the request that filled it: those changes are tracked by its
/// DbContext. A batch that was only checked is dropped with <see cref="DiaryService.Discard"/>.
/// </summary>
public sealed class DiaryBatch(Guid organizationId)
{
    private readonly List<(string LotClass, EpcisEvent Event)> entries = [];
    private readonly HashSet<string> eventIds = new(StringComparer.Ordinal);

    public Guid OrganizationId { get; } = organizationId;

    /// <summary>Entries added and not yet stored.</summary>
    public int Count => entries.Count;

    internal IReadOnlyList<EpcisEvent> Events => [.. entries.Select(e => e.Event)];

    internal IEnumerable<EpcisEvent> EventsOf(string lotClass) => entries.Where(e => e.LotClass == lotClass).Select(e => e.Event);

    internal bool Contains(string eventId) => eventIds.Contains(eventId);

    internal void Add(string lotClass, EpcisEvent e)
    {
        entries.Add((lotClass, e));
        eventIds.Add(e.EventId!);
    }

    internal void Clear()
    {
        entries.Clear();
        eventIds.Clear();
    }
}
