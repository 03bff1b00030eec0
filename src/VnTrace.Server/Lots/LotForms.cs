using System.Globalization;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using VnTrace.Server.Organizations;
using VnTrace.Server.Platform.Data;

namespace VnTrace.Server.Lots;

/// <summary>What the lot forms share: choices of the business's own rows, numbers typed in either notation.</summary>
public static class LotForms
{
    /// <summary>
    /// A quantity typed by a person: "1200", "1200.5" (what an input type=number sends) or "1200,5" (the Vietnamese
    /// decimal comma). Read as text and parsed here because MVC binds decimals with the request culture, in which
    /// "1.5" means fifteen.
    /// </summary>
    public static bool TryParseQuantity(string? text, out decimal? value)
    {
        value = null;
        if (string.IsNullOrWhiteSpace(text))
            return true;
        var s = text.Trim().Replace(" ", "", StringComparison.Ordinal);
        if (!s.Contains('.') && s.Count(c => c == ',') == 1)
            s = s.Replace(',', '.');
        if (!decimal.TryParse(s, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var v))
            return false;
        value = v;
        return true;
    }

    /// <summary>A quantity for an input's value attribute, in the notation input type=number expects.</summary>
    public static string? ForInput(decimal? value) => value?.ToString("0.####", CultureInfo.InvariantCulture);

    /// <summary>The business's locations still in use, for a select.</summary>
    public static async Task<List<SelectListItem>> LocationsAsync(VnTraceDbContext db, Guid organizationId, CancellationToken ct) =>
        await db.Locations.Where(l => l.OrganizationId == organizationId && !l.Archived).OrderBy(l => l.Name)
            .Select(l => new SelectListItem(l.Name + " (GLN " + l.Gln + ")", l.Id.ToString())).ToListAsync(ct);

    /// <summary>The business's products still in use, for a select.</summary>
    public static async Task<List<SelectListItem>> ProductsAsync(VnTraceDbContext db, Guid organizationId, CancellationToken ct)
    {
        var english = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";
        var products = await db.Products.Where(p => p.OrganizationId == organizationId && !p.Archived).OrderBy(p => p.NameVi)
            .Select(p => new { p.Id, p.NameVi, p.NameEn, p.Gtin }).ToListAsync(ct);
        return [.. products.Select(p => new SelectListItem($"{(english && !string.IsNullOrWhiteSpace(p.NameEn) ? p.NameEn : p.NameVi)} (GTIN {p.Gtin})", p.Id.ToString()))];
    }

    /// <summary>The business's lots in progress, for the inputs of a processing step.</summary>
    public static async Task<List<SelectListItem>> OpenLotsAsync(VnTraceDbContext db, Guid organizationId, CancellationToken ct)
    {
        var lots = await db.Lots.Where(l => l.OrganizationId == organizationId && l.Status == LotStatus.InProgress)
            .OrderByDescending(l => l.UpdatedAt).Take(500)
            .Select(l => new { l.Id, l.LotNumber, l.Gtin, Product = db.ProductNames.Where(p => p.Gtin == l.Gtin).Select(p => p.NameVi).FirstOrDefault() })
            .ToListAsync(ct);
        return [.. lots.Select(l => new SelectListItem($"{l.LotNumber} — {l.Product ?? "GTIN " + l.Gtin}", l.Id.ToString()))];
    }

    /// <summary>Businesses on the platform one can ship to: approved, with a party GLN, not oneself.</summary>
    public static async Task<List<(string Name, string Gln)>> PartnersAsync(VnTraceDbContext db, Guid organizationId, CancellationToken ct) =>
        [.. (await db.Organizations
            .Where(o => o.Id != organizationId && o.Kind == OrganizationKind.Business && o.Status == OrganizationStatus.Approved && o.Gln != null)
            .OrderBy(o => o.Name).Take(1000).Select(o => new { o.Name, o.Gln }).ToListAsync(ct))
            .Select(o => (o.Name, o.Gln!))];
}
