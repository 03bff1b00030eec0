using System.Globalization;
using VnTrace.Gs1.Epcis;
using VnTrace.Gs1.Identifiers;
using static VnTrace.Server.Exports.ExportCellKind;

namespace VnTrace.Server.Exports;

/// <summary>
/// The minimum data set of Decree 37/2026/NĐ-CP Art. 23.5 (which carries Circular 02/2024's minimum information set
/// and adds origin) for every traceability code in a scope: one row per GTIN + lot, GTIN + serial or GTIN alone.
/// The events give the codes, dates and standards; the records give the product's name, image and brand and the
/// business's address (<see cref="ExportRecords"/>). What neither holds is written <see cref="ExportSheet.NotRecorded"/>, never guessed.
/// </summary>
public static class MinimumDataSet
{
    public const string SheetTitle = "Minimum data set";

    public static readonly IReadOnlyList<ExportColumn> Columns =
    [
        new("Traceability code", Text, "The product trace code with its lot or serial (Decree 37/2026 Art. 23.3), as a GS1 Digital Link.", 50),
        new("Product name", Text, $"The Vietnamese name of the product its business registered under the GTIN (the maker's registration first); {ExportSheet.NotRecorded} followed by the GTIN when no business registered it.", 30),
        new("GTIN", Text, "The product trace code (GTIN, TCVN 13274:2020).", 16),
        new("Product image", Text, $"The link to the product's first public image; {ExportSheet.NotRecorded} when the product has none.", 40),
        new("Business name", Text, "The organization that recorded the item's creation (commissioning, harvesting or the transformation that made it); else the one that recorded its first visible event.", 26),
        new("Business address", Text, $"The address that business registered (address line, commune, province); {ExportSheet.NotRecorded} when it gave none.", 40),
        new("Origin (derived)", Text, "Derived, not declared: the country of the GS1 Member Organisation that allocated the GTIN's company prefix (GS1 prefix, e.g. 893 → VN). "
            + $"It says where the brand owner registered, which is usually but not always where the goods were made. {ExportSheet.NotRecorded} for prefixes that name no country.", 14),
        new("Brand or mark", Text, $"The brand registered with the product; {ExportSheet.NotRecorded} when none.", 14),
        new("Lot", Text, "The lot or batch number (AI 10).", 16),
        new("Serial number", Text, "The serial number (AI 21), for an individually identified item.", 14),
        new("Expiry date", Date, $"From the event's instance master data (ilmd itemExpirationDate) or the Digital Link attribute 17; {ExportSheet.NotRecorded} when no event gives one.", 12),
        new("Standards applied", Text, $"The certificationInfo of the item's events (certificates and standards the capturer cited); {ExportSheet.NotRecorded} when none.", 30),
        new("Key tracking events", Number, "How many key tracking events in this export name the code.", 10),
        new("First event (UTC)", UtcDateTime, "The time of its first key tracking event in this export.", 20),
        new("Last event (UTC)", UtcDateTime, "The time of its last key tracking event in this export.", 20),
        new("Key tracking events with times", Text, "Each key tracking event: local time with offset, critical tracking event name, and who recorded it; the critical-tracking-events export has every key data element.", 80),
    ];

    public static ExportSheet Build(IReadOnlyList<ExportEvent> events, Func<string, bool> inScope, ExportRecords records, ExportHeaders headers,
        IReadOnlyList<(string, string)> about)
    {
        var codes = new Dictionary<string, Code>(StringComparer.Ordinal);
        foreach (var stored in events)
        {
            var e = stored.Event;
            foreach (var line in ExportItems.LinesOf(e))
            {
                if (line.Identifier is not { } id || ExportItems.KeysOf(id).Gtin is null || !inScope(id))
                    continue;
                if (!codes.TryGetValue(id, out var code))
                    codes.Add(id, code = new Code(id));
                code.Add(stored, line);
            }
        }
        var rows = codes.Values
            .OrderBy(c => c.Events[0].Event.EventTime).ThenBy(c => c.Id, StringComparer.Ordinal)
            .Select(c => c.ToRow(records))
            .ToList();
        return new ExportSheet(SheetTitle, "MinimumDataSet", ExportColumn.With(Columns, headers), rows, about);
    }

    private sealed class Code(string id)
    {
        public string Id => id;
        public List<ExportEvent> Events { get; } = [];
        private ExportEvent? creator;
        private DateOnly? expiry;
        private readonly SortedSet<string> standards = new(StringComparer.Ordinal);

        public void Add(ExportEvent stored, ExportLine line)
        {
            var e = stored.Event;
            if (Events.Count == 0 || !ReferenceEquals(Events[^1], stored))
                Events.Add(stored);
            // Decree 37 names the business responsible for the product: the one that brought the item into being.
            if (creator is null && (line.Role == "output" || (line.Role == "item" && e.Action == EpcisAction.Add)))
                creator = stored;
            expiry ??= ExportItems.ExpiryOf(e, line);
            standards.UnionWith(e.CertificationInfo);
        }

        public object?[] ToRow(ExportRecords records)
        {
            var keys = ExportItems.KeysOf(id);
            var gtin = keys.Gtin!;
            var business = creator ?? Events[0];
            var product = records.Product(gtin, business.OwnerId);
            var country = Gtin.TryParse(gtin, out var parsed, out _) ? Gs1Prefix.CountryOf(parsed) : null;
            var history = string.Join("; ", Events.Select(s =>
                $"{s.Event.EventTime.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture)} {CriticalTrackingEvents.NameOf(s.Event)} ({s.CapturedBy})"));
            return
            [
                id, product?.Name ?? $"{ExportSheet.NotRecorded} GTIN {gtin}", gtin, product?.ImageUrl ?? ExportSheet.NotRecorded,
                business.CapturedBy, records.Address(business.OwnerId) ?? ExportSheet.NotRecorded, country ?? ExportSheet.NotRecorded,
                product?.Brand ?? ExportSheet.NotRecorded,
                keys.Lot, keys.Serial, expiry is { } d ? d : ExportSheet.NotRecorded,
                standards.Count == 0 ? ExportSheet.NotRecorded : string.Join("; ", standards),
                (decimal)Events.Count, Events[0].Event.EventTime, Events[^1].Event.EventTime, history,
            ];
        }
    }
}
