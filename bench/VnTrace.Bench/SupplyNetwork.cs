using System.Globalization;
using System.Text.Json;
using VnTrace.Gs1.Identifiers;

namespace VnTrace.Bench;

/// <summary>
/// A generated multi-business food supply network for the trace benchmark, one production batch at a time:
/// farms harvest lots and ship them to a collector, which blends three farm lots into each of two collected lots and
/// ships them to a processor, which blends them into a processed lot (or, in a deep chain, makes it through eleven
/// more transformations, each adding an ingredient lot harvested and shipped by another farm, moving twice to another
/// processor's plant on the way); a packer makes 100 serialised units of it, packs them 10 to a case (SSCC) and the
/// cases onto a pallet (SSCC) and ships the pallet to a distributor, which unpacks it and ships the cases to four
/// retailers (3, 3, 2, 2 cases), which receive and unpack them and sell the units ten at a time. Every shipping and
/// receiving event names the two owning parties (…/417/{GLN}), every event its business location (…/414/{GLN}).
/// Deterministic: batch b is the same in every run.
/// </summary>
public sealed class SupplyNetwork
{
    public const int Farms = 3000, Collectors = 120, Processors = 60, Packers = 40, Distributors = 20, Retailers = 600;
    public const int FarmLotsPerBatch = 6, UnitsPerBatch = 100, UnitsPerCase = 10, Cases = UnitsPerBatch / UnitsPerCase;
    /// <summary>Lot-to-lot transformations from the head (a farm lot) to the processed lot in a deep chain.</summary>
    public const int DeepSteps = 12;
    private static readonly int[] CasesPerRetailer = [3, 3, 2, 2];

    public enum Role { Farm, Collector, Processor, Packer, Distributor, Retailer }

    public sealed record Business(Role Role, int Index, int Number, string Name, string Gln)
    {
        public string Party => $"https://id.gs1.org/417/{Gln}";
        /// <summary>Its site: the GLN of the organization with 1 instead of 0 in the 7th digit.</summary>
        public string Site => $"https://id.gs1.org/414/{SiteGln(Gln)}";
    }

    /// <summary>What one batch holds that the benchmark traces or queries.</summary>
    public sealed record BatchKeys(int Batch, bool Deep, string HeadLot, string ProcessedLot, string FirstUnit, int Packer);

    private static readonly DateTimeOffset YearStart = new(2025, 1, 1, 0, 0, 0, TimeSpan.FromHours(7));

    public int NormalBatches { get; }
    public int DeepBatches { get; }
    public int Batches => NormalBatches + DeepBatches;
    private readonly int deepStride;

    public IReadOnlyList<Business> Businesses { get; }

    /// <param name="events">The store size aimed at; the batches are sized to come within one batch of it.</param>
    /// <param name="deepChains">How many batches are deep chains, spread evenly over the year.</param>
    public SupplyNetwork(long events, int deepChains)
    {
        var normal = (events - (long)deepChains * EventsPerBatch(deep: true)) / EventsPerBatch(deep: false);
        if (normal < deepChains)
            throw new ArgumentException($"{events} events are too few for {deepChains} deep chains.");
        NormalBatches = (int)normal;
        DeepBatches = deepChains;
        deepStride = Batches / Math.Max(1, deepChains);
        var list = new List<Business>();
        var n = 0;
        foreach (var (role, count) in new[] { (Role.Farm, Farms), (Role.Collector, Collectors), (Role.Processor, Processors),
                     (Role.Packer, Packers), (Role.Distributor, Distributors), (Role.Retailer, Retailers) })
            for (var i = 0; i < count; i++)
            { list.Add(new Business(role, i, n, $"Bench {role} {i + 1}", Gln("8936020", n))); n++; }
        Businesses = list;
    }

    public long TotalEvents => (long)NormalBatches * EventsPerBatch(false) + (long)DeepBatches * EventsPerBatch(true);

    public static int EventsPerBatch(bool deep)
    {
        var farms = FarmLotsPerBatch * 2;                                  // harvest + ship
        var collector = FarmLotsPerBatch + 2 + 2;                          // receive each, 2 blends, 2 ships
        var processor = deep ? 2 + (DeepSteps - 1) * 4 + 2 * 2 + 1        // receive 2; per step: ingredient harvest, ship, receive + transformation; 2 moves; ship
                             : 2 + 1 + 1;
        var packer = 1 + 1 + Cases + 1 + 1;                                // receive, units, cases, pallet, ship
        var distributor = 1 + 1 + CasesPerRetailer.Length;                 // receive, unpack, ship per retailer
        var retailers = CasesPerRetailer.Length + Cases + UnitsPerBatch / 10; // receive, unpack each case, sales of 10
        return farms + collector + processor + packer + distributor + retailers;
    }

    public bool IsDeep(int batch) => DeepBatches > 0 && batch % deepStride == deepStride / 2 && batch / deepStride < DeepBatches;

    private Business Farm(int i) => Businesses[i % Farms];
    private Business Collector(int i) => Businesses[Farms + i % Collectors];
    private Business Processor(int i) => Businesses[Farms + Collectors + i % Processors];
    private Business Packer(int i) => Businesses[Farms + Collectors + Processors + i % Packers];
    private Business Distributor(int i) => Businesses[Farms + Collectors + Processors + Packers + i % Distributors];
    private Business Retailer(int i) => Businesses[Farms + Collectors + Processors + Packers + Distributors + i % Retailers];

    public static string Gln(string prefix7, int n)
    {
        var body = prefix7 + n.ToString("D5", CultureInfo.InvariantCulture);
        return body + Gs1CheckDigit.ComputeChar(body);
    }

    private static string SiteGln(string gln)
    {
        var body = gln[..6] + "1" + gln[7..12];
        return body + Gs1CheckDigit.ComputeChar(body);
    }

    private static string Gtin(int product)
    {
        var body = "0893601" + (100 + product).ToString("D6", CultureInfo.InvariantCulture);
        return body + Gs1CheckDigit.ComputeChar(body);
    }

    // Products: 20 farm produces, 20 collected grades, 20 processed products, 20 consumer units.
    private static string FarmLot(int batch, int k) => $"https://id.gs1.org/01/{Gtin(batch % 20)}/10/F{batch}-{k}";
    private static string CollectedLot(int batch, int j) => $"https://id.gs1.org/01/{Gtin(20 + batch % 20)}/10/C{batch}-{j}";
    private static string ProcessedLot(int batch, int step) => $"https://id.gs1.org/01/{Gtin(40 + (batch + step) % 20)}/10/P{batch}-{step}";
    private static string IngredientLot(int batch, int step) => $"https://id.gs1.org/01/{Gtin((batch + step + 7) % 20)}/10/I{batch}-{step}";
    private static string Unit(int batch, int u) => $"https://id.gs1.org/01/{Gtin(60 + batch % 20)}/21/{(long)batch * UnitsPerBatch + u + 1}";
    private static string Sscc(int batch, int n)
    {
        // Extension digit 0, company prefix 893601, serial reference from the batch (11 of each: 10 cases, 1 pallet).
        var body = "0893601" + ((long)batch * 11 + n).ToString("D10", CultureInfo.InvariantCulture);
        return $"https://id.gs1.org/00/{body}{Gs1CheckDigit.ComputeChar(body)}";
    }

    public BatchKeys Keys(int batch)
    {
        var deep = IsDeep(batch);
        return new BatchKeys(batch, deep, FarmLot(batch, 0), deep ? ProcessedLot(batch, DeepSteps) : ProcessedLot(batch, 1),
            Unit(batch, 0), batch % Packers);
    }

    /// <summary>Batch <paramref name="batch"/> as one EPCIS 2.0 JSON-LD document and the business that captured each event, in order.</summary>
    public (byte[] Document, List<Business> Owners) Batch(int batch)
    {
        var deep = IsDeep(batch);
        var owners = new List<Business>(EventsPerBatch(deep));
        var buffer = new MemoryStream(64 * 1024);
        var random = new Random(HashCode.Combine(20251, batch));
        // Batches spread over 330 days of 2025; a batch's own events take about a week after its start.
        var start = YearStart.AddMinutes((long)batch * 330 * 24 * 60 / Batches);
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteStartArray("@context");
            w.WriteStringValue("https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld");
            w.WriteEndArray();
            w.WriteString("type", "EPCISDocument");
            w.WriteString("schemaVersion", "2.0");
            w.WriteString("creationDate", "2025-12-31T10:00:00.000+07:00");
            w.WriteStartObject("epcisBody");
            w.WriteStartArray("eventList");
            var e = new Writer(w, owners, start, random);

            var collector = Collector(batch * 7 + random.Next(3));
            var processor = Processor(batch * 5 + random.Next(2));
            var packer = Packer(batch);
            var distributor = Distributor(batch * 3 + random.Next(4));

            // Farms: six lots from six farms, harvested and shipped to the collector.
            for (var k = 0; k < FarmLotsPerBatch; k++)
            {
                var farm = Farm(batch * 11 + k * 503);
                var kg = 800 + random.Next(400);
                e.Harvest(farm, 0.1 * k, FarmLot(batch, k), kg);
                e.Transfer(farm, 24 + 0.1 * k, "shipping", "in_transit", Lot(FarmLot(batch, k), kg), [], farm, collector);
            }
            // Collector: receives them, blends three into each collected lot, ships both to the processor.
            for (var k = 0; k < FarmLotsPerBatch; k++)
                e.Transfer(collector, 30 + 0.1 * k, "receiving", "in_progress", Lot(FarmLot(batch, k), 0), [], Farm(batch * 11 + k * 503), collector);
            for (var j = 0; j < 2; j++)
            {
                e.Transformation(collector, 36 + j, [FarmLot(batch, 3 * j), FarmLot(batch, 3 * j + 1), FarmLot(batch, 3 * j + 2)], 900, CollectedLot(batch, j), 2500, []);
                e.Transfer(collector, 40 + j, "shipping", "in_transit", Lot(CollectedLot(batch, j), 2500), [], collector, processor);
            }
            for (var j = 0; j < 2; j++)
                e.Transfer(processor, 48 + 0.1 * j, "receiving", "in_progress", Lot(CollectedLot(batch, j), 2500), [], collector, processor);

            // Processor: one blend, or a deep chain of lot-to-lot transformations (the farm lot and the collected lot
            // are steps 0 and 1, so the processor makes steps 2..12).
            double hour;
            string processed;
            var plant = processor;
            if (!deep)
            {
                processed = ProcessedLot(batch, 1);
                e.Transformation(processor, 54, [CollectedLot(batch, 0), CollectedLot(batch, 1)], 2500, processed, 4800, []);
                hour = 54;
            }
            else
            {
                hour = 54;
                var previous = CollectedLot(batch, 0);
                for (var step = 2; step <= DeepSteps; step++)
                {
                    var farm = Farm(batch * 13 + step * 211);
                    var ingredient = IngredientLot(batch, step);
                    e.Harvest(farm, hour - 40, ingredient, 200);
                    e.Transfer(farm, hour - 30, "shipping", "in_transit", Lot(ingredient, 200), [], farm, plant);
                    e.Transfer(plant, hour - 2, "receiving", "in_progress", Lot(ingredient, 200), [], farm, plant);
                    string[] inputs = step == 2 ? [previous, CollectedLot(batch, 1), ingredient] : [previous, ingredient];
                    var made = ProcessedLot(batch, step);
                    e.Transformation(plant, hour, inputs, 1000, made, 4800, []);
                    previous = made;
                    if (step is 5 or 9)
                    {
                        // Half-made goods move to another processor's plant.
                        var next = Processor(batch * 5 + step);
                        e.Transfer(plant, hour + 2, "shipping", "in_transit", Lot(made, 4800), [], plant, next);
                        e.Transfer(next, hour + 4, "receiving", "in_progress", Lot(made, 4800), [], plant, next);
                        plant = next;
                    }
                    hour += 6;
                }
                hour -= 6;
                processed = previous;
            }
            e.Transfer(plant, hour + 4, "shipping", "in_transit", Lot(processed, 4800), [], plant, packer);

            // Packer: 100 serialised units from the processed lot, 10 per case, the cases on a pallet, shipped.
            e.Transfer(packer, hour + 8, "receiving", "in_progress", Lot(processed, 4800), [], plant, packer);
            var units = Enumerable.Range(0, UnitsPerBatch).Select(u => Unit(batch, u)).ToArray();
            e.Transformation(packer, hour + 12, [processed], 4800, null, 0, units);
            var cases = Enumerable.Range(0, Cases).Select(c => Sscc(batch, c)).ToArray();
            for (var c = 0; c < Cases; c++)
                e.Aggregation(packer, hour + 13 + 0.01 * c, "ADD", "packing", cases[c], units[(c * UnitsPerCase)..((c + 1) * UnitsPerCase)]);
            var pallet = Sscc(batch, Cases);
            e.Aggregation(packer, hour + 14, "ADD", "packing", pallet, cases);
            e.Transfer(packer, hour + 16, "shipping", "in_transit", [], [pallet], packer, distributor);

            // Distributor: receives the pallet, unpacks it, ships the cases to four retailers.
            e.Transfer(distributor, hour + 24, "receiving", "in_progress", [], [pallet], packer, distributor);
            e.Aggregation(distributor, hour + 25, "DELETE", "unpacking", pallet, cases);
            var retailers = new Business[CasesPerRetailer.Length];
            var first = 0;
            for (var r = 0; r < CasesPerRetailer.Length; r++)
            {
                retailers[r] = Retailer(batch * 17 + r * 151 + random.Next(5));
                e.Transfer(distributor, hour + 30 + 0.1 * r, "shipping", "in_transit", [], cases[first..(first + CasesPerRetailer[r])], distributor, retailers[r]);
                first += CasesPerRetailer[r];
            }

            // Retailers: receive, unpack each case (all its children), sell the units ten at a time.
            first = 0;
            for (var r = 0; r < CasesPerRetailer.Length; r++)
            {
                var mine = cases[first..(first + CasesPerRetailer[r])];
                e.Transfer(retailers[r], hour + 40 + 0.1 * r, "receiving", "in_progress", [], mine, distributor, retailers[r]);
                for (var c = 0; c < mine.Length; c++)
                {
                    e.Aggregation(retailers[r], hour + 41 + 0.01 * c, "DELETE", "unpacking", mine[c], []);
                    var unitsOfCase = units[((first + c) * UnitsPerCase)..((first + c + 1) * UnitsPerCase)];
                    e.Sale(retailers[r], hour + 48 + 3 * c + random.NextDouble(), unitsOfCase);
                }
                first += CasesPerRetailer[r];
            }
            w.WriteEndArray();
            w.WriteEndObject();
            w.WriteEndObject();
        }
        if (owners.Count != EventsPerBatch(deep))
            throw new InvalidOperationException($"Batch {batch} has {owners.Count} events, expected {EventsPerBatch(deep)}.");
        return (buffer.ToArray(), owners);
    }

    private static (string Class, int Kg)[] Lot(string lot, int kg) => [(lot, kg)];

    /// <summary>Writes the events of one batch, each owned by the business that records it.</summary>
    private sealed class Writer(Utf8JsonWriter w, List<Business> owners, DateTimeOffset start, Random random)
    {
        private long po = random.Next(1_000_000);

        private void Begin(string type, Business owner, double hours, string? action, string bizStep, string? disposition)
        {
            owners.Add(owner);
            var time = start.AddHours(hours).AddSeconds(random.Next(600));
            w.WriteStartObject();
            w.WriteString("type", type);
            w.WriteString("eventTime", time.ToString("yyyy-MM-dd'T'HH:mm:ss.fffzzz", CultureInfo.InvariantCulture));
            w.WriteString("eventTimeZoneOffset", "+07:00");
            if (action is not null)
                w.WriteString("action", action);
            w.WriteString("bizStep", bizStep);
            if (disposition is not null)
                w.WriteString("disposition", disposition);
        }

        private void Place(Business owner)
        {
            w.WriteStartObject("readPoint");
            w.WriteString("id", owner.Site);
            w.WriteEndObject();
            w.WriteStartObject("bizLocation");
            w.WriteString("id", owner.Site);
            w.WriteEndObject();
        }

        private void Quantities(string name, IEnumerable<(string Class, int Kg)> lots)
        {
            w.WriteStartArray(name);
            foreach (var (c, kg) in lots)
            {
                w.WriteStartObject();
                w.WriteString("epcClass", c);
                if (kg > 0)
                {
                    w.WriteNumber("quantity", kg);
                    w.WriteString("uom", "KGM");
                }
                w.WriteEndObject();
            }
            w.WriteEndArray();
        }

        private void Epcs(string name, IEnumerable<string> epcs)
        {
            w.WriteStartArray(name);
            foreach (var x in epcs)
                w.WriteStringValue(x);
            w.WriteEndArray();
        }

        public void Harvest(Business farm, double hours, string lot, int kg)
        {
            Begin("ObjectEvent", farm, hours, "ADD", "commissioning", "active");
            Quantities("quantityList", Lot(lot, kg));
            Place(farm);
            w.WriteEndObject();
        }

        public void Transfer(Business owner, double hours, string bizStep, string disposition, (string, int)[] lots, string[] epcs, Business from, Business to)
        {
            Begin("ObjectEvent", owner, hours, "OBSERVE", bizStep, disposition);
            if (epcs.Length > 0)
                Epcs("epcList", epcs);
            if (lots.Length > 0)
                Quantities("quantityList", lots);
            Place(owner);
            w.WriteStartArray("bizTransactionList");
            w.WriteStartObject();
            w.WriteString("type", "po");
            w.WriteString("bizTransaction", $"urn:epc:id:gdti:8936012.00001.PO{(po++).ToString(CultureInfo.InvariantCulture)}");
            w.WriteEndObject();
            w.WriteEndArray();
            w.WriteStartArray("sourceList");
            w.WriteStartObject();
            w.WriteString("type", "owning_party");
            w.WriteString("source", from.Party);
            w.WriteEndObject();
            w.WriteEndArray();
            w.WriteStartArray("destinationList");
            w.WriteStartObject();
            w.WriteString("type", "owning_party");
            w.WriteString("destination", to.Party);
            w.WriteEndObject();
            w.WriteEndArray();
            w.WriteEndObject();
        }

        public void Transformation(Business owner, double hours, string[] inputs, int inputKg, string? output, int outputKg, string[] outputEpcs)
        {
            Begin("TransformationEvent", owner, hours, null, "commissioning", "active");
            Quantities("inputQuantityList", inputs.Select(i => (i, inputKg)));
            if (output is not null)
                Quantities("outputQuantityList", Lot(output, outputKg));
            if (outputEpcs.Length > 0)
                Epcs("outputEPCList", outputEpcs);
            Place(owner);
            w.WriteEndObject();
        }

        public void Aggregation(Business owner, double hours, string action, string bizStep, string parent, string[] children)
        {
            Begin("AggregationEvent", owner, hours, action, bizStep, action == "DELETE" ? null : "in_progress");
            w.WriteString("parentID", parent);
            if (children.Length > 0)
                Epcs("childEPCs", children);
            Place(owner);
            w.WriteEndObject();
        }

        public void Sale(Business retailer, double hours, string[] units)
        {
            Begin("ObjectEvent", retailer, hours, "OBSERVE", "retail_selling", "retail_sold");
            Epcs("epcList", units);
            Place(retailer);
            w.WriteEndObject();
        }
    }
}
