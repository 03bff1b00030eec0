using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using VnTrace.Server.Organizations;

namespace VnTrace.Server.Authority.Organizations;

/// <summary>A business's record for an officer: profile, products, recent lots, decisions. Read-only.</summary>
public sealed class DetailsModel(OrganizationRecords records) : PageModel
{
    public OrganizationRecords.Record Record { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await records.FindAsync(id, ct) is not { } record)
            return NotFound();
        Record = record;
        return Page();
    }
}
