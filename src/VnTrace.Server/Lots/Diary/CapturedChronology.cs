using System.Globalization;
using Microsoft.EntityFrameworkCore;
using VnTrace.Gs1.Epcis;
using VnTrace.Server.Platform.Data;

namespace VnTrace.Server.Lots.Diary;

/// <summary>
/// The diary's date rules (<see cref="LotChronology"/>) for events a machine captures through the EPCIS API: an event
/// of one of the business's declared lots dated before the lot began (harvest, processing output, receiving or its
/// production date), or a harvest into it after processing used it up, is refused with the event's pointer. Only the
/// capturing business's own lots and events count; a document naming no declared lot costs one indexed query.
/// </summary>
public sealed class CapturedChronology(VnTraceDbContext db, DiaryStore store)
{
    public async Task<IReadOnlyList<EpcisError>> CheckAsync(Guid ownerId, IReadOnlyList<EpcisEvent> events, Func<int, string> eventPointer,
        CancellationToken ct)
    {
        var named = new HashSet<(string Gtin, string Lot)>();
        foreach (var e in events)
            foreach (var id in LotIdentifiers(e))
                if (LotCodes.TryReadLotClass(id, out var gtin, out var lot))
                    named.Add((gtin, lot));
        if (named.Count == 0)
            return [];
        var gtins = named.Select(n => n.Gtin).Distinct().ToList();
        var numbers = named.Select(n => n.Lot).Distinct().ToList();
        var lots = (await db.Lots.Where(l => l.OrganizationId == ownerId && gtins.Contains(l.Gtin) && numbers.Contains(l.LotNumber)).ToListAsync(ct))
            .Where(l => named.Contains((l.Gtin, l.LotNumber))).ToList();

        var errors = new List<EpcisError>();
        var inDocument = events.Where(e => e.ErrorDeclaration is null).ToList();
        foreach (var lot in lots)
        {
            var lotClass = LotCodes.LotClass(lot.Gtin, lot.LotNumber);
            var stored = await store.OwnEventsAsync(ownerId, lotClass, ct);
            var chronology = LotChronology.Of(lotClass, stored.Concat(inDocument), lot);
            for (var i = 0; i < events.Count; i++)
            {
                var e = events[i];
                if (e.ErrorDeclaration is not null || !NamesLot(e, lotClass))
                    continue;
                var beginning = LotChronology.Begins(e, lotClass);
                if (beginning is LotBeginning.Harvest && chronology.IsAfterConsumption(e.EventTime))
                    errors.Add(new EpcisError(eventPointer(i) + "/eventTime",
                        $"Lot {lot.LotNumber} (GTIN {lot.Gtin}) was used as an input of processing at {Time(chronology.Consumed!.Value)}: nothing can be harvested into it after that."));
                else if (beginning is null && chronology.IsBeforeBeginning(e.EventTime))
                    errors.Add(new EpcisError(eventPointer(i) + "/eventTime",
                        $"Lot {lot.LotNumber} (GTIN {lot.Gtin}) began at {Time(chronology.Began!.Value)} ({Beginning(chronology.How)}): this event at {Time(e.EventTime)} cannot come before that."));
            }
        }
        return errors;
    }

    /// <summary>What happens to a lot in the event: its quantities and EPCs, and a transformation's inputs and outputs.</summary>
    private static IEnumerable<string> LotIdentifiers(EpcisEvent e) =>
        e.QuantityList.Select(q => q.EpcClass).Concat(e.EpcList)
            .Concat(e.InputQuantityList.Select(q => q.EpcClass)).Concat(e.InputEpcList)
            .Concat(e.OutputQuantityList.Select(q => q.EpcClass)).Concat(e.OutputEpcList);

    private static bool NamesLot(EpcisEvent e, string lotClass) => LotIdentifiers(e).Any(id => LotChronology.Same(id, lotClass));

    private static string Time(DateTimeOffset t) => t.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    private static string Beginning(LotBeginning how) => how switch
    {
        LotBeginning.Harvest => "its harvest",
        LotBeginning.Processing => "the processing that made it",
        LotBeginning.Receiving => "its receiving",
        LotBeginning.ProductionDate => "its production date",
        _ => "its first event",
    };
}
