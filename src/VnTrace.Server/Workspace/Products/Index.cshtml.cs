using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using VnTrace.Server.Identity;
using VnTrace.Server.Platform.Data;
using VnTrace.Server.Platform.Text;

namespace VnTrace.Server.Workspace.Products;

/// <summary>The business's products: search by name or GTIN (tone marks optional), filter, page.</summary>
public sealed class IndexModel(VnTraceDbContext db, CurrentBusiness business) : PageModel
{
    public const int PageSize = 25;

    /// <summary>Name (Vietnamese or English) or GTIN digits.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Category { get; set; }

    /// <summary>"3", "4", "5", "none", or empty for any.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Stars { get; set; }

    /// <summary>"active" (the default), "archived" or "all".</summary>
    [BindProperty(SupportsGet = true)]
    public string? Show { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public IReadOnlyList<string> Categories { get; private set; } = [];
    public int Total { get; private set; }
    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);

    public sealed record Row(Guid Id, string Gtin, string NameVi, string? NameEn, string? Category, string Unit,
        int? OcopStars, bool Archived, Guid? ImageId);

    public async Task OnGetAsync(CancellationToken ct)
    {
        var org = business.Id;
        Categories = await db.Products.Where(p => p.OrganizationId == org && p.Category != null)
            .Select(p => p.Category!).Distinct().OrderBy(c => c).ToListAsync(ct);

        var query = db.Products.Where(p => p.OrganizationId == org);
        query = Show switch
        {
            "archived" => query.Where(p => p.Archived),
            "all" => query,
            _ => query.Where(p => !p.Archived),
        };
        if (!string.IsNullOrWhiteSpace(Category))
            query = query.Where(p => p.Category == Category);
        if (Stars is "3" or "4" or "5")
        {
            var stars = Stars[0] - '0';
            query = query.Where(p => p.OcopStars == stars);
        }
        else if (Stars == "none")
        {
            query = query.Where(p => p.OcopStars == null);
        }

        PageNumber = Math.Max(1, PageNumber);
        if (string.IsNullOrWhiteSpace(Q))
        {
            Total = await query.CountAsync(ct);
            PageNumber = Math.Min(PageNumber, Pages);
            var ids = await query.OrderBy(p => p.NameVi).ThenBy(p => p.Id).Skip((PageNumber - 1) * PageSize).Take(PageSize)
                .Select(p => p.Id).ToListAsync(ct);
            Rows = await LoadRowsAsync(ids, ct);
            return;
        }

        // Search without tone marks ("ca phe" finds "Cà phê") needs the names folded, which neither database does
        // alike; one business declares hundreds of products, not millions, so the names are folded here.
        var folded = VietnameseText.Fold(Q);
        var digits = new string(Q.Where(char.IsAsciiDigit).ToArray());
        var searchGtin = digits.Length >= 4 && digits.Length == Q.Trim().Length;
        var candidates = await query.Select(p => new { p.Id, p.NameVi, p.NameEn, p.Gtin }).ToListAsync(ct);
        var matches = candidates
            .Where(p => VietnameseText.Fold(p.NameVi).Contains(folded, StringComparison.Ordinal)
                        || VietnameseText.Fold(p.NameEn).Contains(folded, StringComparison.Ordinal)
                        || (searchGtin && p.Gtin.Contains(digits, StringComparison.Ordinal)))
            .OrderBy(p => p.NameVi, StringComparer.Create(new System.Globalization.CultureInfo("vi"), ignoreCase: true))
            .ThenBy(p => p.Id)
            .Select(p => p.Id)
            .ToList();
        Total = matches.Count;
        PageNumber = Math.Min(PageNumber, Pages);
        Rows = await LoadRowsAsync([.. matches.Skip((PageNumber - 1) * PageSize).Take(PageSize)], ct);
    }

    /// <summary>The rows of one page, in the order of <paramref name="ids"/>, each with its first image.</summary>
    private async Task<IReadOnlyList<Row>> LoadRowsAsync(List<Guid> ids, CancellationToken ct)
    {
        var rows = await db.Products.Where(p => ids.Contains(p.Id) && p.OrganizationId == business.Id)
            .Select(p => new Row(p.Id, p.Gtin, p.NameVi, p.NameEn, p.Category, p.Unit, p.OcopStars, p.Archived,
                db.ProductImages.Where(i => i.ProductId == p.Id).OrderBy(i => i.Position).Select(i => (Guid?)i.FileId).FirstOrDefault()))
            .ToListAsync(ct);
        return [.. rows.OrderBy(r => ids.IndexOf(r.Id))];
    }

    /// <summary>The list's address with one parameter changed, for the pager.</summary>
    public string Link(int page) =>
        QueryString.Create(new Dictionary<string, string?>
        {
            ["q"] = Q,
            ["category"] = Category,
            ["stars"] = Stars,
            ["show"] = Show,
            ["p"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture),
        }.Where(kv => !string.IsNullOrEmpty(kv.Value))).ToUriComponent();
}
