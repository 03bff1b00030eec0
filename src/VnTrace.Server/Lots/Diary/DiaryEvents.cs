using System.Globalization;
using VnTrace.Gs1.Epcis;
using VnTrace.Gs1.Epcis.Cbv;
using VnTrace.Server.Platform.Text;

namespace VnTrace.Server.Lots.Diary;

/// <summary>
/// The EPCIS 2.0 shape of each diary entry. Standard vocabulary first: CBV 2.0 bizSteps and dispositions (§7.1,
/// §7.2), class-level lot identifiers in quantity lists (EPCIS 2.0 §7.3.3.3), places as GLN Digital Links with
/// AI 414 and parties with AI 417, despatch advices as CBV business transactions of type desadv (§7.3). What CBV has
/// no word for — farming inputs, packaging, notes — goes into user extension fields of our namespace
/// (EPCIS 2.0 §7.1.2), prefix vnt.
/// </summary>
public static class DiaryEvents
{
    /// <summary>Our extension namespace (the same one the demo data uses).</summary>
    public const string Namespace = "https://vntrace.vn/epcis/";
    public const string Prefix = "vnt";

    /// <summary>
    /// CBV 2.0 has no step for applying fertiliser or pesticide to a growing crop (its bizSteps are about handling
    /// goods), and "other" would lose what happened. EPCIS lets bizStep be any URI: a user-vocabulary element in a
    /// namespace we control says it exactly, and the details go in vnt:farmingInput.
    /// </summary>
    public const string FarmingInputStep = Namespace + "bizstep/farming_input";

    /// <summary>The XML namespace of CBV master-data attributes; JSON-LD writes it with the context's "cbvmda:" prefix.</summary>
    private const string CbvMda = "urn:epcglobal:cbv:mda";

    public static string BizStep(string word) => Cbv.UrnPrefix(CbvVocabulary.BizStep) + word;
    public static string Disposition(string word) => Cbv.UrnPrefix(CbvVocabulary.Disposition) + word;
    private static string SourceDestType(string word) => Cbv.UrnPrefix(CbvVocabulary.SourceDestType) + word;

    /// <summary>What is common to every diary event: where and when, in Vietnam's offset.</summary>
    public sealed record Place(string Location, DateTimeOffset Time);

    private static EpcisEvent Base(EpcisEventType type, EpcisAction? action, Place at, string bizStep, string? disposition, bool atBusinessLocation = true) => new()
    {
        Type = type,
        Action = action,
        EventTime = at.Time,
        EventTimeZoneOffset = VietnamTime.OffsetText,
        BizStep = bizStep,
        Disposition = disposition,
        ReadPoint = at.Location,
        BizLocation = atBusinessLocation ? at.Location : null,
    };

    private static QuantityElement Quantity(string lotClass, decimal? quantity, string? uom) =>
        new() { EpcClass = lotClass, Quantity = quantity, Uom = quantity is null ? null : uom };

    /// <summary>
    /// Farming input: ObjectEvent OBSERVE of the crop's lot (quantity unknown before harvest) at the planting area,
    /// bizStep <see cref="FarmingInputStep"/>, no disposition (the crop's state does not change), and
    /// vnt:farmingInput { kind, name, dose, doseUnit, preHarvestIntervalDays }.
    /// </summary>
    public static EpcisEvent FarmingInput(Place at, string lotClass, FarmingInputKind kind, string name, decimal dose, string doseUnit, int? preHarvestIntervalDays)
    {
        var e = Base(EpcisEventType.ObjectEvent, EpcisAction.Observe, at, FarmingInputStep, null);
        e.QuantityList = [Quantity(lotClass, null, null)];
        List<ExtensionElement> details =
        [
            Text("kind", KindWord(kind)),
            Text("name", name),
            Number("dose", dose),
            Text("doseUnit", doseUnit),
        ];
        if (preHarvestIntervalDays is { } days)
            details.Add(Number("preHarvestIntervalDays", days));
        e.Extensions.Add(new ExtensionElement { Namespace = Namespace, Prefix = Prefix, LocalName = "farmingInput", Children = details });
        return e;
    }

    /// <summary>
    /// Harvest: ObjectEvent ADD with the harvested quantity of the lot class, bizStep creating_class_instance (CBV 2.0
    /// §7.1: a quantity of an object class is brought into being; commissioning is about giving instance identifiers),
    /// disposition active, and the lot's master data in ILMD (instance/lot master data): cbvmda:harvestStartDate,
    /// cbvmda:itemExpirationDate, and the planting-area code (mã số vùng trồng), which CBV has no attribute for.
    /// </summary>
    public static EpcisEvent Harvest(Place at, string lotClass, decimal quantity, string? uom, DateOnly? expiry, string? plantingAreaCode)
    {
        var e = Base(EpcisEventType.ObjectEvent, EpcisAction.Add, at, BizStep("creating_class_instance"), Disposition("active"));
        e.QuantityList = [Quantity(lotClass, quantity, uom)];
        e.Ilmd = [new ExtensionElement { Namespace = CbvMda, Prefix = "cbvmda", LocalName = "harvestStartDate", Value = Date(DateOnly.FromDateTime(at.Time.DateTime)) }];
        if (expiry is { } x)
            e.Ilmd.Add(new ExtensionElement { Namespace = CbvMda, Prefix = "cbvmda", LocalName = "itemExpirationDate", Value = Date(x) });
        if (!string.IsNullOrWhiteSpace(plantingAreaCode))
            e.Ilmd.Add(Text("plantingAreaCode", plantingAreaCode));
        return e;
    }

    /// <summary>
    /// Processing: an EPCIS 2.0 TransformationEvent from the input lots (inputQuantityList) to the new output lot
    /// (outputQuantityList), bizStep creating_class_instance (the output lot comes into being), disposition active,
    /// ILMD cbvmda:itemExpirationDate when the output has one.
    /// </summary>
    public static EpcisEvent Processing(Place at, IEnumerable<(string LotClass, decimal Quantity, string? Uom)> inputs,
        string outputClass, decimal outputQuantity, string? outputUom, DateOnly? expiry)
    {
        var e = Base(EpcisEventType.TransformationEvent, null, at, BizStep("creating_class_instance"), Disposition("active"));
        e.InputQuantityList = [.. inputs.Select(i => Quantity(i.LotClass, i.Quantity, i.Uom))];
        e.OutputQuantityList = [Quantity(outputClass, outputQuantity, outputUom)];
        if (expiry is { } x)
            e.Ilmd = [new ExtensionElement { Namespace = CbvMda, Prefix = "cbvmda", LocalName = "itemExpirationDate", Value = Date(x) }];
        return e;
    }

    /// <summary>
    /// Packing: ObjectEvent OBSERVE, bizStep packing, disposition in_progress (CBV 2.0 §7.2: still being handled
    /// before it ships), with vnt:packaging and vnt:packageCount. Lots are packed as a quantity, not aggregated into
    /// an SSCC: the platform's labels carry the lot's Digital Link, so the code on the goods is the lot itself and the
    /// receiver scans that.
    /// </summary>
    public static EpcisEvent Packing(Place at, string lotClass, decimal quantity, string? uom, string? packaging, int? packageCount)
    {
        var e = Base(EpcisEventType.ObjectEvent, EpcisAction.Observe, at, BizStep("packing"), Disposition("in_progress"));
        e.QuantityList = [Quantity(lotClass, quantity, uom)];
        if (!string.IsNullOrWhiteSpace(packaging))
            e.Extensions.Add(Text("packaging", packaging));
        if (packageCount is { } n)
            e.Extensions.Add(Number("packageCount", n));
        return e;
    }

    /// <summary>Storing: ObjectEvent OBSERVE, bizStep storing, disposition sellable_not_accessible (in a store, not on sale).</summary>
    public static EpcisEvent Storing(Place at, string lotClass, decimal? quantity, string? uom)
    {
        var e = Base(EpcisEventType.ObjectEvent, EpcisAction.Observe, at, BizStep("storing"), Disposition("sellable_not_accessible"));
        e.QuantityList = [Quantity(lotClass, quantity, uom)];
        return e;
    }

    /// <summary>
    /// Shipping: ObjectEvent OBSERVE, bizStep shipping, disposition in_transit, readPoint only (CBV 2.0: goods in
    /// transit are at no business location); the despatch advice as bizTransaction type desadv with the CBV 2.0
    /// identifier urn:epcglobal:cbv:bt:{shipper GLN}:{number}; sourceList owning_party = the shipper and location = the
    /// place it left, destinationList owning_party = the receiver (and its location when known) (EPCIS 2.0 §7.3.5.4).
    /// Naming the receiver's party is also what lets it see this event (Trace/TraceVisibility).
    /// </summary>
    public static EpcisEvent Shipping(Place at, string lotClass, decimal quantity, string? uom, string shipperGln, string shipFromGln,
        string receiverGln, string? receiverLocationGln, string despatchAdvice)
    {
        var e = Base(EpcisEventType.ObjectEvent, EpcisAction.Observe, at, BizStep("shipping"), Disposition("in_transit"), atBusinessLocation: false);
        e.QuantityList = [Quantity(lotClass, quantity, uom)];
        e.BizTransactionList = [new BizTransaction { Type = Cbv.UrnPrefix(CbvVocabulary.BizTransactionType) + "desadv", Value = DespatchAdviceUrn(shipperGln, despatchAdvice) }];
        e.SourceList =
        [
            new SourceDestination { Type = SourceDestType("owning_party"), Value = LotCodes.Party(shipperGln) },
            new SourceDestination { Type = SourceDestType("location"), Value = LotCodes.Place(shipFromGln) },
        ];
        e.DestinationList = [new SourceDestination { Type = SourceDestType("owning_party"), Value = LotCodes.Party(receiverGln) }];
        if (receiverLocationGln is not null)
            e.DestinationList.Add(new SourceDestination { Type = SourceDestType("location"), Value = LotCodes.Place(receiverLocationGln) });
        return e;
    }

    /// <summary>
    /// Receiving, the other side of a partner's shipping event: ObjectEvent OBSERVE, bizStep receiving, disposition
    /// in_progress, the same lot classes and containers, the same business transactions and sources as the shipping
    /// event, and as destination the receiver's party and the place the goods arrived (EPCIS 2.0 §7.3.5.4). Same
    /// identifiers on both sides is what links one step back to one step forward.
    /// </summary>
    public static EpcisEvent Receiving(Place at, EpcisEvent shipping, IReadOnlyList<QuantityElement> received, string receiverGln, string receiverLocationGln)
    {
        var e = Base(EpcisEventType.ObjectEvent, EpcisAction.Observe, at, BizStep("receiving"), Disposition("in_progress"));
        e.EpcList = [.. shipping.EpcList];
        e.QuantityList = [.. received];
        e.BizTransactionList = [.. shipping.BizTransactionList.Select(b => new BizTransaction { Type = b.Type, Value = b.Value })];
        e.SourceList = [.. shipping.SourceList.Select(s => new SourceDestination { Type = s.Type, Value = s.Value })];
        e.DestinationList =
        [
            new SourceDestination { Type = SourceDestType("owning_party"), Value = LotCodes.Party(receiverGln) },
            new SourceDestination { Type = SourceDestType("location"), Value = LotCodes.Place(receiverLocationGln) },
        ];
        return e;
    }

    /// <summary>Retail selling: ObjectEvent OBSERVE, bizStep retail_selling, disposition retail_sold, at the shop.</summary>
    public static EpcisEvent RetailSale(Place at, string lotClass, decimal quantity, string? uom)
    {
        var e = Base(EpcisEventType.ObjectEvent, EpcisAction.Observe, at, BizStep("retail_selling"), Disposition("retail_sold"));
        e.QuantityList = [Quantity(lotClass, quantity, uom)];
        return e;
    }

    /// <summary>A free-text note of the person who wrote the entry: vnt:note.</summary>
    public static void AddNote(EpcisEvent e, string? note)
    {
        if (!string.IsNullOrWhiteSpace(note))
            e.Extensions.Add(Text("note", note.Trim()));
    }

    /// <summary>CBV 2.0 business transaction identifier (urn:epcglobal:cbv:bt:{GLN of the issuer}:{document number}).</summary>
    public static string DespatchAdviceUrn(string shipperGln, string number) => $"urn:epcglobal:cbv:bt:{shipperGln}:{number}";

    /// <summary>The document number of a CBV bt URN (…:bt:{gln}:{number}); the value as it is otherwise.</summary>
    public static string DocumentNumber(string bizTransaction)
    {
        const string prefix = "urn:epcglobal:cbv:bt:";
        if (!bizTransaction.StartsWith(prefix, StringComparison.Ordinal))
            return bizTransaction;
        var rest = bizTransaction[prefix.Length..];
        var colon = rest.IndexOf(':');
        return colon < 0 ? rest : rest[(colon + 1)..];
    }

    public static string KindWord(FarmingInputKind kind) => kind switch
    {
        FarmingInputKind.Fertiliser => "fertiliser",
        FarmingInputKind.Pesticide => "pesticide",
        FarmingInputKind.Seed => "seed",
        _ => "other",
    };

    /// <summary>One of our extension values of an event (top level, or inside vnt:farmingInput), or null.</summary>
    public static string? Extension(EpcisEvent e, string localName, string? group = null)
    {
        var list = e.Extensions;
        if (group is not null)
            list = list.FirstOrDefault(x => x.Namespace == Namespace && x.LocalName == group)?.Children ?? [];
        return list.FirstOrDefault(x => x.Namespace == Namespace && x.LocalName == localName)?.Value;
    }

    private static ExtensionElement Text(string name, string value) =>
        new() { Namespace = Namespace, Prefix = Prefix, LocalName = name, Value = value.Trim() };

    private static ExtensionElement Number(string name, decimal value) =>
        new() { Namespace = Namespace, Prefix = Prefix, LocalName = name, Value = value.ToString(CultureInfo.InvariantCulture), ValueKind = ExtensionValueKind.Number };

    private static string Date(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
