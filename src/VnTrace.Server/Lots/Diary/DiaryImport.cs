using System.Globalization;
using Microsoft.Extensions.Localization;
using VnTrace.Gs1.Identifiers;
using VnTrace.Server.Imports;
using VnTrace.Server.Products;
using VnTrace.Server.Identity;
using VnTrace.Server.Platform.Text;

namespace VnTrace.Server.Lots.Diary;

/// <summary>
/// Production-diary entries from a spreadsheet: one row, one entry on one of the business's lots (farming input,
/// harvest, packing, storing, shipping, retail sale), named by GTIN and lot number, at one of its locations named by
/// GLN. <see cref="DiaryService"/> checks and builds every entry exactly as for the lot page's forms: the report runs
/// the rows into a <see cref="DiaryBatch"/> and discards it, the import runs them again and stores the batch in one
/// capture, so the rows are stored all together or not at all. Rows run in time order (then file order), so a harvest
/// meets the pre-harvest interval of an input on any earlier row or already in the diary. Processing and receiving
/// name several lots or a partner's shipment and stay on their pages.
/// </summary>
public sealed class DiaryImport(CurrentBusiness business, DiaryService diary, LotLifecycle lifecycle, ProductService products, IStringLocalizer<LotText> t) : IImportKind
{
    public const string TypeKey = "type";
    public const string GtinKey = "gtin";
    public const string LotKey = "lot";
    public const string TimeKey = "time";
    public const string LocationKey = "location";
    public const string QuantityKey = "quantity";
    public const string UnitKey = "unit";
    public const string InputKindKey = "inputKind";
    public const string InputNameKey = "inputName";
    public const string DoseKey = "dose";
    public const string DoseUnitKey = "doseUnit";
    public const string PreHarvestKey = "preHarvestIntervalDays";
    public const string PackagingKey = "packaging";
    public const string PackageCountKey = "packageCount";
    public const string PartnerKey = "partnerGln";
    public const string PartnerLocationKey = "partnerLocationGln";
    public const string DespatchAdviceKey = "despatchAdvice";
    public const string NoteKey = "note";

    /// <summary>The entries one row can be; the word is the LotText "Entry.{word}" of the lot page.</summary>
    public enum EntryType
    {
        FarmingInput,
        Harvest,
        Packing,
        Storing,
        Shipping,
        RetailSale,
    }

    /// <summary>A read "entry type" cell; "bón phân" also says the input is a fertiliser.</summary>
    public sealed record TypeCell(EntryType Type, FarmingInputKind? InputKind);

    // Folded (VietnameseText.Fold) words people write for each entry: the CBV-like names of the template, the
    // Vietnamese words of the lot page, and the farming jobs that say what the input was.
    private static readonly Dictionary<string, TypeCell> TypeWords = new(StringComparer.Ordinal)
    {
        ["farming input"] = new(EntryType.FarmingInput, null),
        ["farminginput"] = new(EntryType.FarmingInput, null),
        ["vat tu"] = new(EntryType.FarmingInput, null),
        ["vat tu nong nghiep"] = new(EntryType.FarmingInput, null),
        ["su dung vat tu"] = new(EntryType.FarmingInput, null),
        ["su dung vat tu nong nghiep"] = new(EntryType.FarmingInput, null),
        ["bon phan"] = new(EntryType.FarmingInput, FarmingInputKind.Fertiliser),
        ["fertiliser"] = new(EntryType.FarmingInput, FarmingInputKind.Fertiliser),
        ["fertilizer"] = new(EntryType.FarmingInput, FarmingInputKind.Fertiliser),
        ["phun thuoc"] = new(EntryType.FarmingInput, FarmingInputKind.Pesticide),
        ["phun thuoc bvtv"] = new(EntryType.FarmingInput, FarmingInputKind.Pesticide),
        ["pesticide"] = new(EntryType.FarmingInput, FarmingInputKind.Pesticide),
        ["gieo hat"] = new(EntryType.FarmingInput, FarmingInputKind.Seed),
        ["gieo trong"] = new(EntryType.FarmingInput, FarmingInputKind.Seed),
        ["trong"] = new(EntryType.FarmingInput, FarmingInputKind.Seed),
        ["harvest"] = new(EntryType.Harvest, null),
        ["harvesting"] = new(EntryType.Harvest, null),
        ["thu hoach"] = new(EntryType.Harvest, null),
        ["packing"] = new(EntryType.Packing, null),
        ["dong goi"] = new(EntryType.Packing, null),
        ["storing"] = new(EntryType.Storing, null),
        ["luu kho"] = new(EntryType.Storing, null),
        ["nhap kho"] = new(EntryType.Storing, null),
        ["shipping"] = new(EntryType.Shipping, null),
        ["xuat hang"] = new(EntryType.Shipping, null),
        ["xuat kho"] = new(EntryType.Shipping, null),
        ["giao hang"] = new(EntryType.Shipping, null),
        ["retail sale"] = new(EntryType.RetailSale, null),
        ["retail selling"] = new(EntryType.RetailSale, null),
        ["retail sold"] = new(EntryType.RetailSale, null),
        ["ban le"] = new(EntryType.RetailSale, null),
    };

    private static readonly HashSet<string> ElsewhereWords = new(StringComparer.Ordinal)
    {
        "processing", "transforming", "che bien", "receiving", "nhan hang",
    };

    private static readonly Dictionary<string, FarmingInputKind> InputKindWords = new(StringComparer.Ordinal)
    {
        ["phan bon"] = FarmingInputKind.Fertiliser,
        ["phan"] = FarmingInputKind.Fertiliser,
        ["fertiliser"] = FarmingInputKind.Fertiliser,
        ["fertilizer"] = FarmingInputKind.Fertiliser,
        ["thuoc bvtv"] = FarmingInputKind.Pesticide,
        ["thuoc bao ve thuc vat"] = FarmingInputKind.Pesticide,
        ["thuoc"] = FarmingInputKind.Pesticide,
        ["pesticide"] = FarmingInputKind.Pesticide,
        ["giong"] = FarmingInputKind.Seed,
        ["hat giong"] = FarmingInputKind.Seed,
        ["cay giong"] = FarmingInputKind.Seed,
        ["seed"] = FarmingInputKind.Seed,
        ["khac"] = FarmingInputKind.Other,
        ["other"] = FarmingInputKind.Other,
    };

    public string Key => "diary";

    public string Title => t["DiaryImport.Title"];

    public string Description => t["DiaryImport.Description"];

    public string TemplateName => "mau-nhap-nhat-ky";

    public IReadOnlyList<ImportColumn> Columns => columns ??=
    [
        new(TypeKey, "Loại nhật ký", "Entry type", true, TypeParser, "thu hoạch") { Aliases = ["Loại", "Công việc", "Hoạt động", "Type"] },
        new(GtinKey, "Mã GTIN", "GTIN", true, GtinParser, "8930000000019") { Aliases = ["Mã sản phẩm", "Mã vạch"] },
        new(LotKey, "Số lô", "Lot number", true, Text(100), "CF-2611/01") { Aliases = ["Lô", "Mã lô", "Lot", "Batch"] },
        new(TimeKey, "Thời gian", "Date and time", true, TimeParser, "20/10/2026 07:30") { Aliases = ["Ngày giờ", "Ngày", "Date", "Time"] },
        new(LocationKey, "GLN địa điểm", "Location GLN", true, GlnParser, "8930000000026") { Aliases = ["Địa điểm", "Mã địa điểm", "Location"] },
        new(QuantityKey, "Số lượng", "Quantity", false, NumberParser, "1200") { Aliases = ["Sản lượng", "Khối lượng"] },
        new(UnitKey, "Đơn vị", "Unit", false, UnitParser, "kg") { Aliases = ["Đơn vị tính", "ĐVT"] },
        new(InputKindKey, "Loại vật tư", "Input kind", false, InputKindParser, "") { Aliases = ["Input type"] },
        new(InputNameKey, "Tên vật tư", "Input name", false, Text(500), "") { Aliases = ["Tên phân bón, thuốc", "Input"] },
        new(DoseKey, "Liều lượng", "Dose", false, NumberParser, ""),
        new(DoseUnitKey, "Đơn vị liều lượng", "Dose unit", false, Text(100), ""),
        new(PreHarvestKey, "Thời gian cách ly (ngày)", "Pre-harvest interval (days)", false, WholeNumber, "") { Aliases = ["Thời gian cách ly", "PHI"] },
        new(PackagingKey, "Quy cách đóng gói", "Packaging", false, Text(500), "") { Aliases = ["Bao bì"] },
        new(PackageCountKey, "Số kiện", "Package count", false, WholeNumber, ""),
        new(PartnerKey, "GLN bên nhận", "Partner GLN", false, Text(400), "") { Aliases = ["Bên nhận", "Partner"] },
        new(PartnerLocationKey, "GLN nơi nhận", "Destination GLN", false, Text(100), ""),
        new(DespatchAdviceKey, "Số phiếu xuất kho", "Despatch advice number", false, Text(100), "") { Aliases = ["Số phiếu xuất", "Despatch advice"] },
        new(NoteKey, "Ghi chú", "Note", false, Text(4000), "Thu hái chín trên 90%") { Aliases = ["Note"] },
    ];

    private IReadOnlyList<ImportColumn>? columns;

    // ---------------------------------------------------------------- cells

    private CellResult TypeParser(ImportCell cell)
    {
        var folded = VietnameseText.Fold(cell.Text);
        if (TypeWords.TryGetValue(folded, out var type))
            return CellResult.Ok(type);
        return CellResult.Fail(ElsewhereWords.Contains(folded)
            ? t["DiaryImport.TypeElsewhere", cell.Text.Trim()]
            : t["DiaryImport.TypeUnknown", cell.Text.Trim()]);
    }

    private CellResult GtinParser(ImportCell cell) =>
        products.ParseGtin(cell.Text, out var gtin) is { } error ? CellResult.Fail(error) : CellResult.Ok(gtin);

    private CellResult GlnParser(ImportCell cell)
    {
        var s = cell.Text.Trim();
        if (s.Length != 13 || !s.All(char.IsAsciiDigit))
            return CellResult.Fail(t["Diary.GlnFormat"]);
        return Gln.TryParse(s, out var gln, out _) ? CellResult.Ok(gln) : CellResult.Fail(t["Diary.GlnCheckDigit", s]);
    }

    private CellResult NumberParser(ImportCell cell) =>
        CellParsers.Decimal(cell) is { Error: null } ok ? ok : CellResult.Fail(t["DiaryImport.NotNumber", cell.Text.Trim()]);

    private CellResult WholeNumber(ImportCell cell) =>
        CellParsers.Int(cell) is { Error: null } ok ? ok : CellResult.Fail(t["DiaryImport.NotWholeNumber", cell.Text.Trim()]);

    /// <summary>A unit the lot pages know: a product unit ("kg", "hộp") or a measure with a Rec 20 code ("tạ", "ha").</summary>
    private CellResult UnitParser(ImportCell cell)
    {
        if (Units.Find(cell.Text) is { } unit)
            return CellResult.Ok(unit.Symbol);
        if (QuantityUnits.Rec20(cell.Text) is not null)
            return CellResult.Ok(cell.Text.Trim());
        return CellResult.Fail(t["DiaryImport.UnitUnknown", cell.Text.Trim(), string.Join(", ", Units.All.Select(u => u.Symbol))]);
    }

    private CellResult InputKindParser(ImportCell cell) =>
        InputKindWords.TryGetValue(VietnameseText.Fold(cell.Text), out var kind)
            ? CellResult.Ok(kind)
            : CellResult.Fail(t["DiaryImport.InputKindUnknown", cell.Text.Trim()]);

    private CellParser Text(int max) => cell =>
    {
        var value = cell.Text.Trim();
        return value.Length <= max ? CellResult.Ok(value) : CellResult.Fail(t["DiaryImport.TooLong", value.Length, max]);
    };

    private static readonly string[] LocalTimeFormats =
    [
        "d/M/yyyy H:mm", "d/M/yyyy H:mm:ss", "d/M/yyyy", "d-M-yyyy H:mm", "d-M-yyyy H:mm:ss", "d-M-yyyy", "d.M.yyyy H:mm", "d.M.yyyy",
        "yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF", "yyyy-MM-dd HH:mm", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd",
    ];

    /// <summary>
    /// Vietnam wall-clock time: day first ("20/10/2026 07:30") or ISO 8601 ("2026-10-20T07:30"); a date alone is
    /// midnight (an .xlsx date cell at 00:00 reads so). ISO with an offset ("…Z", "…+07:00") is turned into Vietnam
    /// time; a bare number in a plausible range is an Excel date serial in a cell not formatted as a date.
    /// </summary>
    private CellResult TimeParser(ImportCell cell)
    {
        var s = string.Join(' ', cell.Text.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries));
        if (DateTime.TryParseExact(s, LocalTimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
            return CellResult.Ok(local);
        if (s.Length > 10 && s[4] == '-' && (s.EndsWith('Z') || s[^6] is '+' or '-')
            && DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var withOffset))
            return CellResult.Ok(VietnamTime.ToVietnam(withOffset).DateTime);
        if (cell.IsNumber && double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var serial) && serial is >= 36526 and < 73051)
        {
            var fromSerial = DateTime.FromOADate(serial);
            return CellResult.Ok(fromSerial.AddTicks(-(fromSerial.Ticks % TimeSpan.TicksPerSecond)));
        }
        return CellResult.Fail(t["DiaryImport.TimeInvalid", cell.Text.Trim()]);
    }

    // ---------------------------------------------------------------- rows

    public async Task<IReadOnlyList<CellError>> CheckAsync(ImportSheet sheet, CancellationToken ct)
    {
        var batch = new DiaryBatch(business.Id);
        try
        {
            return await RunAsync(batch, sheet.Rows.Where(r => r.IsValid), key => sheet.HeadersByKey.TryGetValue(key, out var h) ? h : HeaderVi(key), ct);
        }
        finally
        {
            // A report stores nothing: the lot changes the entries staged are dropped.
            diary.Discard(batch);
        }
    }

    public async Task<ImportApplied> ApplyAsync(IReadOnlyList<ImportRow> rows, CancellationToken ct)
    {
        var batch = new DiaryBatch(business.Id);
        var errors = await RunAsync(batch, rows, HeaderVi, ct);
        if (errors.Count > 0)
        {
            diary.Discard(batch);
            return new ImportApplied(0, errors);
        }
        var added = batch.Count;
        var stored = await diary.StoreAsync(batch, ct);
        return stored.Success
            ? new ImportApplied(added, [])
            : new ImportApplied(0, [], string.Join(" ", stored.Errors.Select(e => e.Message)));
    }

    public string Describe(ImportRow row)
    {
        var v = new RowValues(row);
        return t["DiaryImport.RowLabel", t["Entry." + Word(v.Type.Type)], v.LotNumber, v.Gtin.ToString(),
            v.Time.ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture)];
    }

    /// <summary>The word of an entry type in the lot page's resources ("Entry.harvest").</summary>
    private static string Word(EntryType type) => type switch
    {
        EntryType.FarmingInput => "farming-input",
        EntryType.Harvest => "harvest",
        EntryType.Packing => "packing",
        EntryType.Storing => "storing",
        EntryType.Shipping => "shipping",
        _ => "retail-selling",
    };

    private string HeaderVi(string key) => Columns.First(c => c.Key == key).HeaderVi;

    /// <summary>The values of a row whose cells were all read.</summary>
    private sealed class RowValues(ImportRow row)
    {
        public TypeCell Type => (TypeCell)row.Values[TypeKey]!;
        public Gtin Gtin => (Gtin)row.Values[GtinKey]!;
        public string LotNumber => (string)row.Values[LotKey]!;
        public DateTime Time => (DateTime)row.Values[TimeKey]!;
        public Gln Location => (Gln)row.Values[LocationKey]!;
        public decimal? Quantity => Get<decimal>(QuantityKey);
        public string? Unit => Text(UnitKey);
        public FarmingInputKind? InputKind => Get<FarmingInputKind>(InputKindKey);
        public decimal? Dose => Get<decimal>(DoseKey);
        public int? PreHarvestIntervalDays => Get<int>(PreHarvestKey);
        public int? PackageCount => Get<int>(PackageCountKey);

        public string? Text(string key) => row.Values.TryGetValue(key, out var v) && v is string s && s.Length > 0 ? s : null;

        private T? Get<T>(string key) where T : struct => row.Values.TryGetValue(key, out var v) && v is T typed ? typed : null;
    }

    /// <summary>
    /// Adds the rows' entries to the batch in time order through <see cref="DiaryService"/>, collecting the refusals
    /// by row and column. A row the import already finds wrong (an unknown lot, a missing quantity) still goes to the
    /// service, with values it is sure to refuse (no lot, zero), so the report lists all of the row's problems at once
    /// and the batch never holds it.
    /// </summary>
    private async Task<List<CellError>> RunAsync(DiaryBatch batch, IEnumerable<ImportRow> rows, Func<string, string> header, CancellationToken ct)
    {
        var errors = new List<CellError>();
        var lots = new Dictionary<(string Gtin, string Lot), Guid?>();
        var locations = new Dictionary<string, Guid?>(StringComparer.Ordinal);
        var rowOfEvent = new Dictionary<string, int>(StringComparer.Ordinal);
        var ordered = rows.Select(r => (Row: r, Values: new RowValues(r))).OrderBy(x => x.Values.Time).ThenBy(x => x.Row.RowNumber);
        foreach (var (row, v) in ordered)
        {
            var reported = new HashSet<string>(StringComparer.Ordinal);
            void Fail(string key, string message)
            {
                reported.Add(key);
                errors.Add(new CellError(row.RowNumber, header(key), message));
            }

            var gtin = v.Gtin.ToString();
            if (!lots.TryGetValue((gtin, v.LotNumber), out var lotId))
                lots[(gtin, v.LotNumber)] = lotId = await lifecycle.FindLotIdAsync(business.Id, gtin, v.LotNumber, ct);
            // Another business's lot is found by nothing here: it reads exactly like a lot that does not exist.
            if (lotId is null)
                Fail(LotKey, t["DiaryImport.LotUnknown", v.LotNumber, gtin]);
            var gln = v.Location.ToString();
            if (!locations.TryGetValue(gln, out var locationId))
                locations[gln] = locationId = await lifecycle.FindLocationIdAsync(business.Id, gln, ct);
            if (locationId is null)
                Fail(LocationKey, t["DiaryImport.LocationUnknown", gln]);

            var needsQuantity = v.Type.Type is not (EntryType.FarmingInput or EntryType.Storing);
            if (needsQuantity && v.Quantity is null)
                Fail(QuantityKey, t["Diary.Required"]);
            var kind = v.InputKind ?? v.Type.InputKind;
            if (v.Type.Type == EntryType.FarmingInput)
            {
                if (kind is null)
                    Fail(InputKindKey, t["Diary.Required"]);
                if (v.Dose is null)
                    Fail(DoseKey, t["Diary.Required"]);
            }

            var lot = lotId ?? Guid.Empty;
            var location = locationId ?? Guid.Empty;
            var quantity = v.Quantity ?? 0;
            var note = v.Text(NoteKey);
            var result = v.Type.Type switch
            {
                EntryType.FarmingInput => await diary.AddAsync(batch, new FarmingInputEntry(lot, location, v.Time, kind ?? (FarmingInputKind)(-1),
                    v.Text(InputNameKey) ?? "", v.Dose ?? 0, v.Text(DoseUnitKey) ?? "", v.PreHarvestIntervalDays, note), ct),
                EntryType.Harvest => await diary.AddAsync(batch, new HarvestEntry(lot, location, v.Time, quantity, v.Unit, note), ct),
                EntryType.Packing => await diary.AddAsync(batch, new PackingEntry(lot, location, v.Time, quantity, v.Unit,
                    v.Text(PackagingKey), v.PackageCount, note), ct),
                EntryType.Storing => await diary.AddAsync(batch, new StoringEntry(lot, location, v.Time, v.Quantity, v.Unit, note), ct),
                EntryType.Shipping => await diary.AddAsync(batch, new ShippingEntry(lot, location, v.Time, quantity, v.Text(PartnerKey) ?? "",
                    v.Text(PartnerLocationKey), v.Text(DespatchAdviceKey), v.Unit, note), ct),
                _ => await diary.AddAsync(batch, new RetailSaleEntry(lot, location, v.Time, quantity, v.Unit, note), ct),
            };
            if (result.Success)
            {
                rowOfEvent[result.EventId!] = row.RowNumber;
                continue;
            }
            if (result.EventId is { } repeated && rowOfEvent.TryGetValue(repeated, out var first))
            {
                Fail(TypeKey, t["DiaryImport.SameAsRow", first]);
                continue;
            }
            foreach (var e in result.Errors)
            {
                var key = ColumnOf(e.Field);
                // The import's own message for the same column says it better (which lot, which GLN, "required").
                if (!reported.Contains(key))
                    errors.Add(new CellError(row.RowNumber, header(key), e.Message));
            }
        }
        return errors;
    }

    /// <summary>The column of an entry record's property; the entry as a whole is the entry type's.</summary>
    private static string ColumnOf(string field) => field switch
    {
        "LotId" => LotKey,
        "LocationId" => LocationKey,
        "Time" => TimeKey,
        "Quantity" => QuantityKey,
        "Unit" => UnitKey,
        "Kind" => InputKindKey,
        "InputName" => InputNameKey,
        "Dose" => DoseKey,
        "DoseUnit" => DoseUnitKey,
        "PreHarvestIntervalDays" => PreHarvestKey,
        "Packaging" => PackagingKey,
        "PackageCount" => PackageCountKey,
        "PartnerGln" => PartnerKey,
        "PartnerLocationGln" => PartnerLocationKey,
        "DespatchAdvice" => DespatchAdviceKey,
        "Note" => NoteKey,
        _ => TypeKey,
    };
}
