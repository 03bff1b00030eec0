using VnTrace.Gs1.Epcis;
using VnTrace.Gs1.Genealogy;
using static VnTrace.Gs1.Tests.Genealogy.TraceEventFactory;

namespace VnTrace.Gs1.Tests.Genealogy;

/// <summary>
/// Farms → collector → processor that blends lots → packer that serialises, packs cases and pallets → distributor
/// that unpacks pallets and ships cases → retailers that unpack cases and sell. Days count from <see cref="T0"/>.
/// </summary>
internal sealed class GeneratedSupplyChain
{
    public const int UnitsPerCase = 25;
    public const int CasesPerPallet = 10;

    public GeneratedSupplyChain()
    {
        Farms = [.. Enumerable.Range(1, 5).Select(f => new Business(Gs1TestIds.Party(100 + f), Gs1TestIds.Location(100 + f)))];
        FarmLots = [.. Enumerable.Range(1, 5).Select(f => Gs1TestIds.Lot(1, $"FARM{f}-2026"))];
        Retailers = [.. Enumerable.Range(1, 4).Select(r => new Business(Gs1TestIds.Party(500 + r), Gs1TestIds.Location(500 + r)))];
        Units = [.. Enumerable.Range(1, 500).Select(s => Gs1TestIds.Unit(2, s))];
        Cases = [.. Enumerable.Range(1, 20).Select(Gs1TestIds.Sscc)];
        Pallets = [.. Enumerable.Range(901, 2).Select(Gs1TestIds.Sscc)];
        Events = [.. Generate()];
    }

    public IReadOnlyList<Business> Farms { get; }
    public Business Collector { get; } = new(Gs1TestIds.Party(200), Gs1TestIds.Location(200));
    public Business Processor { get; } = new(Gs1TestIds.Party(300), Gs1TestIds.Location(300));
    public Business Packer { get; } = new(Gs1TestIds.Party(400), Gs1TestIds.Location(400));
    public Business Distributor { get; } = new(Gs1TestIds.Party(450), Gs1TestIds.Location(450));
    public IReadOnlyList<Business> Retailers { get; }

    /// <summary>One lot per farm; lots 0–2 are blended, 3 and 4 stay at the collector.</summary>
    public IReadOnlyList<string> FarmLots { get; }
    public string Blend { get; } = Gs1TestIds.Lot(1, "BLEND-0301");
    public IReadOnlyList<string> Units { get; }
    public IReadOnlyList<string> Cases { get; }
    public IReadOnlyList<string> Pallets { get; }
    public IReadOnlyList<TraceEvent> Events { get; }

    public IEnumerable<string> UnitsOfCase(int c) => Units.Skip(c * UnitsPerCase).Take(UnitsPerCase);
    public IEnumerable<string> CasesOfPallet(int p) => Cases.Skip(p * CasesPerPallet).Take(CasesPerPallet);
    public int RetailerOfCase(int c) => c / (Cases.Count / Retailers.Count);

    public InMemoryTraceEventSource Source() => new(Events);

    public static DateTimeOffset Day(double days) => T0.AddDays(days);

    private IEnumerable<TraceEvent> Generate()
    {
        for (var f = 0; f < Farms.Count; f++)
        {
            yield return Object($"harvest-{f}", Day(0).AddMinutes(f), Commissioning, Farms[f].Location, EpcisAction.Add,
                quantities: [Kg(FarmLots[f], 1000)]);
            yield return Object($"collect-{f}", Day(1), Receiving, Collector.Location,
                quantities: [Kg(FarmLots[f], 1000)], from: Farms[f], to: Collector);
        }
        List<TraceQuantity> blended = [.. FarmLots.Take(3).Select(l => Kg(l, 1000))];
        yield return Object("collector-ships", Day(1.5), Shipping, Collector.Location, quantities: blended, from: Collector, to: Processor);
        yield return Transformation("blend", Day(2), Processor.Location, inputQuantities: blended, outputQuantities: [Kg(Blend, 2900)]);
        yield return Object("processor-ships", Day(3), Shipping, Processor.Location, quantities: [Kg(Blend, 2900)], from: Processor, to: Packer);
        yield return Object("packer-receives", Day(3.2), Receiving, Packer.Location, quantities: [Kg(Blend, 2900)], from: Processor, to: Packer);
        yield return Transformation("serialise", Day(4), Packer.Location, inputQuantities: [Kg(Blend, 2900)], outputs: Units);
        for (var c = 0; c < Cases.Count; c++)
            yield return Aggregation($"pack-case-{c}", Day(4.1), EpcisAction.Add, Cases[c], [.. UnitsOfCase(c)], Packer.Location);
        for (var p = 0; p < Pallets.Count; p++)
            yield return Aggregation($"pack-pallet-{p}", Day(4.2), EpcisAction.Add, Pallets[p], [.. CasesOfPallet(p)], Packer.Location);
        yield return Object("packer-ships", Day(5), Shipping, Packer.Location, epcs: Pallets, from: Packer, to: Distributor);
        yield return Object("distributor-receives", Day(6), Receiving, Distributor.Location, epcs: Pallets, from: Packer, to: Distributor);
        for (var p = 0; p < Pallets.Count; p++)
            yield return Aggregation($"unpack-pallet-{p}", Day(6.1), EpcisAction.Delete, Pallets[p], [.. CasesOfPallet(p)], Distributor.Location);
        for (var r = 0; r < Retailers.Count; r++)
        {
            List<string> cases = [.. Cases.Where((_, c) => RetailerOfCase(c) == r)];
            yield return Object($"distributor-ships-{r}", Day(7), Shipping, Distributor.Location, epcs: cases, from: Distributor, to: Retailers[r]);
            yield return Object($"retailer-receives-{r}", Day(8), Receiving, Retailers[r].Location, epcs: cases, from: Distributor, to: Retailers[r]);
        }
        for (var c = 0; c < Cases.Count; c++)
        {
            // An unpacking that names no child empties the case (EPCIS 2.0 §7.4.3).
            yield return Aggregation($"unpack-case-{c}", Day(8.1), EpcisAction.Delete, Cases[c], [], Retailers[RetailerOfCase(c)].Location);
            yield return Object($"sell-{c}", Day(9), RetailSelling, Retailers[RetailerOfCase(c)].Location, epcs: [UnitsOfCase(c).First()]);
        }
    }
}
