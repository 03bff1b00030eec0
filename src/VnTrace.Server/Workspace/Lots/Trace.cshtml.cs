using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using VnTrace.Gs1.Genealogy;
using VnTrace.Server.Identity;
using VnTrace.Server.Lots;
using VnTrace.Server.Platform.Data;
using VnTrace.Server.Trace;

namespace VnTrace.Server.Workspace.Lots;

/// <summary>
/// The whole chain of a lot as the business may see it: its own events and those its partners shared with it
/// (Trace/TraceVisibility), drawn as a graph with the flat table (issue: genealogy "drawn in the UI, the lot page").
/// </summary>
public sealed class TraceModel(VnTraceDbContext db, CurrentBusiness business, TraceOptions options,
    Microsoft.Extensions.Localization.IStringLocalizer<TraceText> traceText) : PageModel
{
    public Lot Lot { get; private set; } = null!;
    public TraceView Result { get; private set; } = null!;

    [BindProperty(SupportsGet = true)]
    public TraceDirection Direction { get; set; } = TraceDirection.Both;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var lot = await db.Lots.FirstOrDefaultAsync(l => l.Id == id && l.OrganizationId == business.Id, ct);
        if (lot is null)
            return NotFound();
        Lot = lot;
        var start = LotCodes.LotClass(lot.Gtin, lot.LotNumber);
        var visibility = await TraceVisibility.OfAsync(db, business.Id, ct);
        var graph = await GenealogyTracer.TraceAsync(start, Direction, TraceWindow.Unbounded, new DatabaseTraceEventSource(db, visibility),
            new TraceLimits { MaxNodes = options.MaxNodes, MaxDepth = options.MaxDepth }, ct);
        Result = await TraceView.BuildAsync(db, graph, traceText, ct);
        return Page();
    }
}
