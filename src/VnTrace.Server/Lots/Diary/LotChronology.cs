using VnTrace.Gs1.Epcis;
using VnTrace.Server.Platform.Text;

namespace VnTrace.Server.Lots.Diary;

/// <summary>
/// The order a lot's life keeps (issue 12, item 13): nothing is done to a lot before it began — harvested (an
/// ObjectEvent ADD creating_class_instance), made by processing (the output of a TransformationEvent) or received —
/// and nothing is harvested into it after it was used up as the input of processing. Read from the business's own
/// events of the lot, stored and in the batch being built; a lot with no such event begins on its production date.
/// </summary>
public sealed record LotChronology(DateTimeOffset? Began, LotBeginning How, DateTimeOffset? Consumed)
{
    /// <summary>The chronology of <paramref name="lotClass"/> from its events (any order) and the lot row.</summary>
    public static LotChronology Of(string lotClass, IEnumerable<EpcisEvent> events, Lot lot)
    {
        DateTimeOffset? began = null, consumed = null;
        var how = LotBeginning.ProductionDate;
        foreach (var e in events)
        {
            if (e.ErrorDeclaration is not null)
                continue;
            if (Begins(e, lotClass) is { } kind && (began is null || e.EventTime < began))
                (began, how) = (e.EventTime, kind);
            if (e.Type == EpcisEventType.TransformationEvent && Names(e.InputQuantityList, e.InputEpcList, lotClass)
                && (consumed is null || e.EventTime < consumed))
                consumed = e.EventTime;
        }
        if (began is null && lot.ProductionDate is { } produced)
            began = VietnamTime.FromLocal(produced.ToDateTime(TimeOnly.MinValue));
        return new LotChronology(began, began is null ? LotBeginning.Unknown : how, consumed);
    }

    /// <summary>True when something done to the lot at <paramref name="time"/> would come before the lot existed.</summary>
    public bool IsBeforeBeginning(DateTimeOffset time) => Began is { } began && time < began;

    /// <summary>True when a harvest at <paramref name="time"/> would come after the lot was used up by processing.</summary>
    public bool IsAfterConsumption(DateTimeOffset time) => Consumed is { } consumed && time > consumed;

    internal static LotBeginning? Begins(EpcisEvent e, string lotClass)
    {
        if (e.Type == EpcisEventType.TransformationEvent)
            return Names(e.OutputQuantityList, e.OutputEpcList, lotClass) ? LotBeginning.Processing : null;
        if (e.Type != EpcisEventType.ObjectEvent || !Names(e.QuantityList, e.EpcList, lotClass))
            return null;
        if (DiaryStore.IsHarvest(e))
            return LotBeginning.Harvest;
        return e.BizStep == DiaryEvents.BizStep("receiving") ? LotBeginning.Receiving
            : e.Action == EpcisAction.Add && e.BizStep == DiaryEvents.BizStep("commissioning") ? LotBeginning.Harvest
            : null;
    }

    internal static bool Names(List<QuantityElement> quantities, List<string> epcs, string lotClass) =>
        quantities.Any(q => Same(q.EpcClass, lotClass)) || epcs.Any(epc => Same(epc, lotClass));

    /// <summary>The diary writes the canonical link; a machine may send the EPC URN or another host's link.</summary>
    internal static bool Same(string? identifier, string lotClass) =>
        identifier == lotClass
        || (identifier is not null && !identifier.StartsWith(VnTrace.Gs1.Identifiers.DigitalLink.CanonicalBase + "/", StringComparison.Ordinal)
            && VnTrace.Server.Platform.Events.Identifiers.Canonical(identifier) == lotClass);
}

/// <summary>What began a lot, for the message that refuses an entry dated before it.</summary>
public enum LotBeginning
{
    Unknown,
    Harvest,
    Processing,
    Receiving,
    ProductionDate,
}
