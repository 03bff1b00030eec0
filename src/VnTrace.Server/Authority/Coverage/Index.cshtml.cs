using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using VnTrace.Server.Exports;
using VnTrace.Server.Organizations.Reference;
using VnTrace.Server.Programme.Agencies;
using VnTrace.Server.Programme.Coverage;
using VnTrace.Server.Programme.Lists;

namespace VnTrace.Server.Authority.Coverage;

/// <summary>Coverage of a year within the officer's scope: per approved entry and high-risk group, by commune and sector, with the gaps; xlsx export.</summary>
public sealed class IndexModel(CoverageService coverage, CurrentOfficer officer, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    [BindProperty(SupportsGet = true)] public string? Commune { get; set; }
    [BindProperty(SupportsGet = true)] public string? Sector { get; set; }

    public int ShownYear { get; private set; }
    public CoverageReport Report { get; private set; } = null!;
    /// <summary>The communes of the unfiltered report's businesses, for the filter.</summary>
    public IReadOnlyList<string> Communes { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnGetExportAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        var sheet = CoverageExport.Build(Report, CommuneOrNull(), SectorOrNull(), clock.GetUtcNow());
        return File(XlsxExportWriter.Write(sheet), XlsxExportWriter.ContentType, $"coverage-{ShownYear}.xlsx");
    }

    private string? CommuneOrNull() => string.IsNullOrWhiteSpace(Commune) ? null : Commune.Trim();

    private string? SectorOrNull() => Sectors.IsKnown(Sector) ? Sector : null;

    private async Task LoadAsync(CancellationToken ct)
    {
        ShownYear = Year is { } y && ProductListService.IsYear(y) ? y : Platform.Text.VietnamTime.Today(clock).Year;
        var report = await coverage.ReportAsync(ShownYear, await officer.GetAsync(ct), ct);
        Communes = [.. report.Entries.Concat(report.HighRiskGroups).SelectMany(t => t.ProductDetails).Select(p => p.CommuneCode)
            .OfType<string>().Distinct().Order(StringComparer.Ordinal)];
        Report = CoverageService.Narrow(report, CommuneOrNull(), SectorOrNull());
    }
}
