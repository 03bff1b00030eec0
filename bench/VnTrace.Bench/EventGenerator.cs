using System.Globalization;
using System.Text;
using System.Text.Json;

namespace VnTrace.Bench;

/// <summary>
/// Writes realistic EPCIS 2.0 JSON-LD capture documents of ObjectEvents for one Vietnamese brand owner
/// (GS1 company prefix 8936012): 20 products, items that pass through several events in their life, ~50 locations,
/// CBV business steps with matching dispositions, a purchase order, source and destination parties, event times spread
/// over 2025 in +07:00. Deterministic: document i is the same in every run for the same seed.
/// </summary>
public sealed class EventGenerator(int seed, long totalEvents)
{
    public const string CompanyPrefix = "8936012";
    public const int Products = 20;
    public const int Locations = 50;
    public static readonly DateTimeOffset YearStart = new(2025, 1, 1, 0, 0, 0, TimeSpan.FromHours(7));

    /// <summary>Business step, disposition, action: what a supply chain of packaged food records most.</summary>
    private static readonly (string BizStep, string Disposition, string Action)[] Steps =
    [
        ("commissioning", "active", "ADD"),
        ("packing", "in_progress", "OBSERVE"),
        ("shipping", "in_transit", "OBSERVE"),
        ("receiving", "in_progress", "OBSERVE"),
        ("storing", "sellable_not_accessible", "OBSERVE"),
        ("inspecting", "active", "OBSERVE"),
        ("retail_selling", "retail_sold", "OBSERVE"),
    ];

    /// <summary>
    /// Serials per product: about four events name each item (1–3 EPCs per event, ~2 on average), like an item that
    /// is commissioned, packed, shipped, received.
    /// </summary>
    private readonly int serialsPerProduct = (int)Math.Max(100, totalEvents * 2 / (Products * 4));

    public static string Sgtin(int product, int serial) =>
        $"urn:epc:id:sgtin:{CompanyPrefix}.{ItemReference(product)}.{serial}";

    public static string ItemReference(int product) => (10 * (product + 1)).ToString("D6", CultureInfo.InvariantCulture);

    public static string Sgln(int location) => $"urn:epc:id:sgln:{CompanyPrefix}.{(location + 1).ToString("D5", CultureInfo.InvariantCulture)}.0";

    private static string Pgln(int party) => $"urn:epc:id:pgln:{CompanyPrefix}.{(party + 1).ToString("D5", CultureInfo.InvariantCulture)}";

    /// <summary>The random source of document <paramref name="index"/>: independent of the others, so documents can be made in parallel.</summary>
    private Random RandomFor(int index) => new(HashCode.Combine(seed, index));

    /// <summary>The EPCs of one random event of the generated set, as a query client would know them.</summary>
    public string RandomEpc(Random random) => Sgtin(random.Next(Products), random.Next(serialsPerProduct) + 1);

    /// <summary>Document <paramref name="index"/> with <paramref name="events"/> ObjectEvents, as UTF-8 JSON-LD.</summary>
    public byte[] Document(int index, int events)
    {
        var random = RandomFor(index);
        var buffer = new MemoryStream(events * 1100);
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteStartArray("@context");
            w.WriteStringValue("https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld");
            w.WriteEndArray();
            w.WriteString("type", "EPCISDocument");
            w.WriteString("schemaVersion", "2.0");
            w.WriteString("creationDate", "2025-12-31T10:00:00.000+07:00");
            w.WriteString("sender", Pgln(0));
            w.WriteStartObject("epcisBody");
            w.WriteStartArray("eventList");
            for (var i = 0; i < events; i++)
                WriteEvent(w, random);
            w.WriteEndArray();
            w.WriteEndObject();
            w.WriteEndObject();
        }
        return buffer.ToArray();
    }

    private void WriteEvent(Utf8JsonWriter w, Random random)
    {
        var step = Steps[random.Next(Steps.Length)];
        var time = YearStart.AddMilliseconds(random.NextInt64(365L * 24 * 3600 * 1000));
        var location = random.Next(Locations);
        var product = random.Next(Products);
        w.WriteStartObject();
        w.WriteString("type", "ObjectEvent");
        w.WriteString("eventTime", time.ToString("yyyy-MM-dd'T'HH:mm:ss.fffzzz", CultureInfo.InvariantCulture));
        w.WriteString("eventTimeZoneOffset", "+07:00");
        w.WriteStartArray("epcList");
        var epcs = 1 + random.Next(3);
        for (var i = 0; i < epcs; i++)
            w.WriteStringValue(Sgtin(product, random.Next(serialsPerProduct) + 1));
        w.WriteEndArray();
        w.WriteString("action", step.Action);
        w.WriteString("bizStep", step.BizStep);
        w.WriteString("disposition", step.Disposition);
        w.WriteStartObject("readPoint");
        w.WriteString("id", Sgln(location));
        w.WriteEndObject();
        w.WriteStartObject("bizLocation");
        w.WriteString("id", Sgln(location));
        w.WriteEndObject();
        w.WriteStartArray("bizTransactionList");
        w.WriteStartObject();
        w.WriteString("type", "po");
        w.WriteString("bizTransaction", $"urn:epc:id:gdti:{CompanyPrefix}.00001.PO{random.Next(1_000_000).ToString(CultureInfo.InvariantCulture)}");
        w.WriteEndObject();
        w.WriteEndArray();
        w.WriteStartArray("sourceList");
        w.WriteStartObject();
        w.WriteString("type", "owning_party");
        w.WriteString("source", Pgln(random.Next(10)));
        w.WriteEndObject();
        w.WriteEndArray();
        w.WriteStartArray("destinationList");
        w.WriteStartObject();
        w.WriteString("type", "owning_party");
        w.WriteString("destination", Pgln(10 + random.Next(10)));
        w.WriteEndObject();
        w.WriteEndArray();
        w.WriteEndObject();
    }

    /// <summary>A human-readable sample, printed once so the report shows what was captured.</summary>
    public string SampleEvent()
    {
        var doc = JsonDocument.Parse(Document(0, 1));
        var e = doc.RootElement.GetProperty("epcisBody").GetProperty("eventList")[0];
        return Encoding.UTF8.GetString(JsonSerializer.SerializeToUtf8Bytes(e));
    }
}
