using System.Runtime.CompilerServices;
using System.Globalization;
using VnTrace.Gs1.Epcis;
using VnTrace.Gs1.Epcis.Cbv;
using VnTrace.Gs1.Identifiers;
using VnTrace.Server.Platform.Events;

namespace VnTrace.Server.Exports;

/// <summary>
/// One thing an event is about: an EPC (one instance) or a quantity of a class (a lot), with its role in the event.
/// </summary>
/// <param name="Role">item (Object/Transaction event), input or output (Transformation), content (Aggregation/Association).</param>
/// <param name="Identifier">Canonical form (Digital Link at id.gs1.org for GS1 keys); null for an event naming nothing.</param>
/// <param name="Raw">As the event wrote it, which may carry Digital Link attributes such as the expiry date (AI 17).</param>
public sealed record ExportLine(string Role, string? Identifier, string? Raw, decimal? Quantity, string? Uom);

/// <summary>The GS1 keys inside an identifier: a trade item's GTIN, lot and serial, or a logistic unit's SSCC.</summary>
public sealed record ItemKeys(string? Gtin, string? Lot, string? Serial, string? Sscc);

/// <summary>What the exports read out of stored events and identifiers, shared by both exports.</summary>
public static class ExportItems
{
    /// <summary>
    /// The event's lines: each EPC (quantity 1, unit EA: one identified instance) and each quantity element, inputs
    /// before outputs; one empty line for an event that names nothing (an unpacking that empties a container).
    /// </summary>
    /// <summary>
    /// The lines of each event, made once per event object: an export reads them for its master data and again for
    /// its rows, and the coverage report for every lot's data set. Events read from the store are not changed after.
    /// </summary>
    private static readonly ConditionalWeakTable<EpcisEvent, IReadOnlyList<ExportLine>> Lines = new();

    public static IReadOnlyList<ExportLine> LinesOf(EpcisEvent e) => Lines.GetValue(e, MakeLines);

    private static IReadOnlyList<ExportLine> MakeLines(EpcisEvent e)
    {
        var lines = new List<ExportLine>();
        var role = e.Type switch
        {
            EpcisEventType.AggregationEvent or EpcisEventType.AssociationEvent => "content",
            _ => "item",
        };
        Add(lines, role, e.EpcList, e.QuantityList);
        Add(lines, "input", e.InputEpcList, e.InputQuantityList);
        Add(lines, "output", e.OutputEpcList, e.OutputQuantityList);
        if (lines.Count == 0)
            lines.Add(new ExportLine(role, null, null, null, null));
        return lines;
    }

    private static void Add(List<ExportLine> lines, string role, List<string> epcs, List<QuantityElement> quantities)
    {
        foreach (var epc in epcs)
            lines.Add(new ExportLine(role, Identifiers.Canonical(epc), epc, 1m, "EA"));
        foreach (var q in quantities)
            lines.Add(new ExportLine(role, Identifiers.Canonical(q.EpcClass), q.EpcClass, q.Quantity, q.Uom));
    }

    public static ItemKeys KeysOf(string? identifier)
    {
        if (identifier is null || !identifier.StartsWith("http", StringComparison.Ordinal) || !DigitalLink.TryParse(identifier, out var link, out _))
            return new ItemKeys(null, null, null, null);
        return link.PrimaryKey.Ai switch
        {
            "01" => new ItemKeys(link.PrimaryKey.Value, Qualifier(link, "10"), Qualifier(link, "21"), null),
            "00" => new ItemKeys(null, null, null, link.PrimaryKey.Value),
            _ => new ItemKeys(null, null, null, null),
        };
    }

    /// <summary>The GLN of a location (…/414/{gln}, with or without /254/ extension) or party (…/417/{gln}).</summary>
    public static string? GlnOf(string? identifier) => DigitalLink.TryGetGln(identifier, out var gln) ? gln.ToString() : null;

    /// <summary>"owning_party: Farm A (GLN 8936…); location: GLN 8936…" for a source or destination list.</summary>
    public static string? Parties(IEnumerable<SourceDestination> list, IReadOnlyDictionary<string, string> namesByGln)
    {
        var parts = list.Select(p =>
        {
            var type = Cbv.ToBareWord(CbvVocabulary.SourceDestType, p.Type);
            var gln = GlnOf(p.Value);
            var who = gln is null ? p.Value
                : namesByGln.TryGetValue(gln, out var name) ? $"{name} (GLN {gln})"
                : $"GLN {gln}";
            return type.Length == 0 ? who : $"{type}: {who}";
        }).ToList();
        return parts.Count == 0 ? null : string.Join("; ", parts);
    }

    /// <summary>"po: PO-1; desadv: DA-7" — bizTransactionList as type (CBV bare word) and document identifier.</summary>
    public static string? Documents(IEnumerable<BizTransaction> list)
    {
        var parts = list.Select(b => string.IsNullOrEmpty(b.Type) ? b.Value : $"{Cbv.ToBareWord(CbvVocabulary.BizTransactionType, b.Type)}: {b.Value}").ToList();
        return parts.Count == 0 ? null : string.Join("; ", parts);
    }

    /// <summary>The GLNs of every source and destination, to look their organizations up in one query.</summary>
    public static IEnumerable<string> PartyGlns(IEnumerable<ExportEvent> events) =>
        events.SelectMany(e => e.Event.SourceList.Concat(e.Event.DestinationList)).Select(p => GlnOf(p.Value)).OfType<string>();

    /// <summary>
    /// The expiry date an event gives for a line: the CBV master data attribute itemExpirationDate in ilmd (CBV 2.0
    /// §8.2), else the Digital Link attribute 17 (USE BY or EXPIRY, YYMMDD) on the identifier as written.
    /// </summary>
    public static DateOnly? ExpiryOf(EpcisEvent e, ExportLine line)
    {
        if (e.Ilmd?.FirstOrDefault(x => x.LocalName == "itemExpirationDate" && x.Value is not null) is { } ilmd
            && DateOnly.TryParse(ilmd.Value!.Length >= 10 ? ilmd.Value[..10] : ilmd.Value, CultureInfo.InvariantCulture, out var date))
            return date;
        if (line.Raw is { } raw && raw.StartsWith("http", StringComparison.Ordinal) && DigitalLink.TryParse(raw, out var link, out _)
            && link.Attributes.FirstOrDefault(a => a.Ai == "17") is { Value: { } yymmdd })
            return FromYymmdd(yymmdd, DateTime.UtcNow.Year);
        return null;
    }

    /// <summary>
    /// A GS1 YYMMDD date (GS1 General Specifications §7.12): the century is the one that puts the year within
    /// 49 years before or 50 after the current year; day 00 means the last day of the month.
    /// </summary>
    public static DateOnly? FromYymmdd(string yymmdd, int currentYear)
    {
        if (yymmdd.Length != 6 || !yymmdd.All(char.IsAsciiDigit))
            return null;
        var yy = int.Parse(yymmdd.AsSpan(0, 2), CultureInfo.InvariantCulture);
        var month = int.Parse(yymmdd.AsSpan(2, 2), CultureInfo.InvariantCulture);
        var day = int.Parse(yymmdd.AsSpan(4, 2), CultureInfo.InvariantCulture);
        var century = currentYear - currentYear % 100;
        var difference = yy - currentYear % 100;
        if (difference >= 51)
            century -= 100;
        else if (difference <= -50)
            century += 100;
        var year = century + yy;
        if (month is < 1 or > 12)
            return null;
        var days = DateTime.DaysInMonth(year, month);
        if (day == 0)
            day = days;
        return day <= days ? new DateOnly(year, month, day) : null;
    }

    private static string? Qualifier(DigitalLink link, string ai)
    {
        foreach (var q in link.Qualifiers)
        {
            if (q.Ai == ai)
                return q.Value;
        }
        return null;
    }
}
