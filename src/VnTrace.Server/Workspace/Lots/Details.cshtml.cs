using System.Text;
using System.Text.Json;
using System.Xml;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using VnTrace.Gs1.Epcis;
using VnTrace.Gs1.Epcis.Json;
using VnTrace.Gs1.Epcis.Xml;
using VnTrace.Server.Identity;
using VnTrace.Server.Lots;
using VnTrace.Server.Lots.Diary;
using VnTrace.Server.Platform.Data;
using VnTrace.Server.Platform.Text;

namespace VnTrace.Server.Workspace.Lots;

/// <summary>
/// A lot: its facts, its diary as a timeline, one step back and one step forward, the diary forms, corrections,
/// closing, and the export of its events. Another business's lot answers 404.
/// </summary>
public sealed class DetailsModel(VnTraceDbContext db, CurrentBusiness business, LotHistory history, LotLifecycle lots,
    TimeProvider clock, IStringLocalizer<LotText> t) : PageModel
{
    public Lot Lot { get; private set; } = null!;
    public string? ProductName { get; private set; }
    public string? LocationName { get; private set; }
    public string? ReceivedFrom { get; private set; }
    public string LotClass { get; private set; } = "";
    public LotDiary Diary { get; private set; } = null!;
    public bool HasGln { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
            return NotFound();
        Diary = await history.ReadAsync(business.Id, Lot, ct);
        HasGln = (await business.GetAsync(ct)).Gln is not null;
        return Page();
    }

    public async Task<IActionResult> OnPostCloseAsync(Guid id, CancellationToken ct)
    {
        var result = await lots.CloseLotAsync(business.Id, id, ct);
        if (!result.Success)
            return NotFound();
        TempData["Message"] = t["Lot.ClosedMessage"].Value;
        return Redirect($"/workspace/lots/{id}");
    }

    public async Task<IActionResult> OnPostReopenAsync(Guid id, CancellationToken ct)
    {
        var result = await lots.ReopenLotAsync(business.Id, id, ct);
        if (!result.Success)
            return NotFound();
        TempData["Message"] = t["Lot.ReopenedMessage"].Value;
        return Redirect($"/workspace/lots/{id}");
    }

    /// <summary>The lot's events as an EPCIS 2.0 document, JSON-LD (format=jsonld) or XML (format=xml), to download.</summary>
    public async Task<IActionResult> OnGetExportAsync(Guid id, string? format, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
            return NotFound();
        var events = await history.ExportAsync(business.Id, Lot, ct);
        var document = new EpcisDocument { CreationDate = VietnamTime.ToVietnam(clock.GetUtcNow()), Events = events };
        var name = $"lot-{Lot.Gtin}-{FileSafe(Lot.LotNumber)}";
        using var buffer = new MemoryStream();
        if (string.Equals(format, "xml", StringComparison.OrdinalIgnoreCase))
        {
            using (var xml = XmlWriter.Create(buffer, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true }))
                EpcisXmlWriter.WriteDocument(xml, document, EpcisXmlVersion.V2_0);
            return File(buffer.ToArray(), "application/xml", name + ".xml");
        }
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
            EpcisJsonWriter.WriteDocument(json, document);
        return File(buffer.ToArray(), "application/ld+json", name + ".jsonld");
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var org = business.Id;
        var lot = await db.Lots.FirstOrDefaultAsync(l => l.Id == id && l.OrganizationId == org, ct);
        if (lot is null)
            return false;
        Lot = lot;
        LotClass = LotCodes.LotClass(lot.Gtin, lot.LotNumber);
        ProductName = await db.ProductNames.Where(p => p.Gtin == lot.Gtin).Select(p => p.NameVi).FirstOrDefaultAsync(ct);
        LocationName = await db.Locations.Where(l => l.Id == lot.LocationId && l.OrganizationId == org).Select(l => l.Name).FirstOrDefaultAsync(ct);
        if (lot.ReceivedFromOrganizationId is { } from)
            ReceivedFrom = await db.Organizations.Where(o => o.Id == from).Select(o => o.Name).FirstOrDefaultAsync(ct);
        return true;
    }

    private static string FileSafe(string lotNumber) =>
        new([.. lotNumber.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '_')]);

    /// <summary>The diary forms, in the order a season goes: route word and resource key.</summary>
    public static readonly (string Kind, string Key)[] Entries =
    [
        ("farming-input", "Entry.farming-input"),
        ("harvest", "Entry.harvest"),
        ("packing", "Entry.packing"),
        ("storing", "Entry.storing"),
        ("shipping", "Entry.shipping"),
        ("retail-selling", "Entry.retail-selling"),
    ];
}
