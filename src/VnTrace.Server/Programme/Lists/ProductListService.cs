using Microsoft.EntityFrameworkCore;
using VnTrace.Server.Organizations.Reference;
using VnTrace.Server.Platform.Data;
using VnTrace.Server.Programme.Agencies;

namespace VnTrace.Server.Programme.Lists;

/// <summary>A proposal: the contract's fields, and the optional ones of an entry.</summary>
public sealed record ListEntryInput(string? List, string? ProductGroup, string? Sector, string? Reason,
    string? GtinPrefix = null, Guid? ProductId = null, string? LegalBasis = null, DateOnly? RoadmapDate = null,
    Guid? ResponsibleAgencyId = null, IReadOnlyList<string>? Steps = null);

/// <summary>An edition and its entries, newest proposals last.</summary>
public sealed record ListEdition(ProductListEdition Edition, IReadOnlyList<ProductListEntry> Entries);

/// <summary>What the console narrows an edition to; null fields do not narrow. <see cref="Agency"/> matches the responsible or the proposing agency.</summary>
public sealed record ListFilter(ProductListKind? List = null, ListEntryStatus? Status = null, string? Sector = null, Guid? Agency = null)
{
    public bool Matches(ProductListEntry e) =>
        (List is null || e.List == List) && (Status is null || e.Status == Status) && (Sector is null || e.Sector == Sector)
        && (Agency is null || e.ResponsibleAgencyId == Agency || e.ProposedByAgencyId == Agency);

    public ListEdition Apply(ListEdition edition) => edition with { Entries = [.. edition.Entries.Where(Matches)] };
}

/// <summary>
/// The yearly lists: department and commune officers (and the DoST) propose entries within their scope; DoST
/// officers approve or reject each with a reason and then approve the edition, which freezes it. The first time a
/// year is touched it starts as a copy of the approved entries of the latest frozen edition before it.
/// </summary>
public sealed class ProductListService(VnTraceDbContext db, TimeProvider clock)
{
    public static readonly IReadOnlyDictionary<string, ProductListKind> ListWords = new Dictionary<string, ProductListKind>(StringComparer.Ordinal)
    {
        ["mandatory"] = ProductListKind.Mandatory,
        ["priority"] = ProductListKind.Priority,
        ["on_request"] = ProductListKind.OnRequest,
    };

    public static string Word(ProductListKind kind) => ListWords.First(w => w.Value == kind).Key;

    public static bool IsYear(int year) => year is >= 2020 and <= 2100;

    public async Task<ListEdition?> EditionAsync(int year, CancellationToken ct)
    {
        var edition = await db.ProductListEditions.AsNoTracking().FirstOrDefaultAsync(e => e.Year == year, ct);
        if (edition is null)
            return null;
        var entries = await db.ProductListEntries.AsNoTracking().Where(e => e.Year == year).ToListAsync(ct);
        return new ListEdition(edition, [.. entries.OrderBy(e => e.List).ThenBy(e => e.ProposedAt).ThenBy(e => e.Id)]);
    }

    /// <summary>
    /// An entry and the entries of earlier editions it was carried over from, newest first: each proposal and
    /// decision of its history, oldest at the end.
    /// </summary>
    public async Task<IReadOnlyList<ProductListEntry>> HistoryAsync(Guid id, CancellationToken ct)
    {
        var chain = new List<ProductListEntry>();
        for (Guid? next = id; next is { } current && chain.Count < 200;)
        {
            var entry = await db.ProductListEntries.AsNoTracking().FirstOrDefaultAsync(e => e.Id == current, ct);
            if (entry is null)
                break;
            chain.Add(entry);
            next = entry.CopiedFromId;
        }
        return chain;
    }

    /// <summary>The approved entries of a year a registered product falls in (<see cref="ProductListEntry.Covers"/>).</summary>
    public async Task<IReadOnlyList<ProductListEntry>> EntriesCoveringAsync(Guid productId, string? category, string gtin, int year, CancellationToken ct)
    {
        var key = category is null ? null : Risk.RiskAssessment.KeyOf(category);
        var candidates = await db.ProductListEntries.AsNoTracking()
            .Where(e => e.Year == year && e.Status == ListEntryStatus.Approved && (e.ProductId == productId || (e.ProductId == null && e.GroupKey == key)))
            .ToListAsync(ct);
        return [.. candidates.Where(e => e.Covers(productId, category, gtin)).OrderBy(e => e.List).ThenBy(e => e.ProductGroup, StringComparer.CurrentCulture)];
    }

    public async Task<IReadOnlyList<ProductListEdition>> EditionsAsync(CancellationToken ct) =>
        await db.ProductListEditions.AsNoTracking().OrderByDescending(e => e.Year).ToListAsync(ct);

    public async Task<(ProductListEntry? Entry, IReadOnlyList<Refusal> Refusals)> ProposeAsync(OfficerScope scope, int year, ListEntryInput input, CancellationToken ct)
    {
        if (!scope.CanRecord)
            return (null, [Refusal.Forbidden("Inspectors read the lists; they do not propose entries.")]);
        var refusals = new List<Refusal>();
        if (!IsYear(year))
            refusals.Add(Refusal.Invalid("The year must be between 2020 and 2100.", "year"));
        if (input.List is null || !ListWords.TryGetValue(input.List, out var list))
        {
            refusals.Add(Refusal.Invalid("list must be mandatory, priority or on_request.", "list"));
            list = default;
        }
        var group = input.ProductGroup?.Trim() ?? "";
        if (group.Length is 0 or > 200)
            refusals.Add(Refusal.Invalid("productGroup is required (a category such as 'Sầu riêng'), at most 200 characters.", "productGroup"));
        if (!Sectors.IsKnown(input.Sector))
            refusals.Add(Refusal.Invalid("sector must be one of: " + string.Join(", ", Sectors.Codes) + ".", "sector"));
        var reason = input.Reason?.Trim() ?? "";
        if (reason.Length is 0 or > 2000)
            refusals.Add(Refusal.Invalid("reason is required, at most 2000 characters.", "reason"));
        var prefix = input.GtinPrefix?.Trim();
        if (prefix is { Length: > 0 } && (prefix.Length is < 3 or > 14 || !prefix.All(char.IsAsciiDigit)))
            refusals.Add(Refusal.Invalid("gtinPrefix must be 3 to 14 digits.", "gtinPrefix"));
        if (input.LegalBasis is { Length: > 500 })
            refusals.Add(Refusal.Invalid("legalBasis is longer than 500 characters.", "legalBasis"));
        var steps = input.Steps?.Select(s => s.Trim()).Where(s => s.Length > 0).Distinct().ToList() ?? [];
        if (steps.FirstOrDefault(s => !Coverage.TraceSteps.IsKnown(s)) is { } unknown)
            refusals.Add(Refusal.Invalid($"'{unknown}' is not a step; steps are: {string.Join(", ", Coverage.TraceSteps.All)}.", "steps"));
        if (input.ProductId is { } productId && !await db.Products.IgnoreTenantFilter("a list entry may name any business's registered product")
                .AnyAsync(p => p.Id == productId, ct))
            refusals.Add(Refusal.Invalid("No registered product has this id.", "productId"));
        var responsible = input.ResponsibleAgencyId ?? scope.AgencyId;
        if (input.ResponsibleAgencyId is { } agencyId && !await db.Agencies.AnyAsync(a => a.Id == agencyId, ct))
            refusals.Add(Refusal.Invalid("No agency has this id.", "responsibleAgencyId"));
        if (refusals.Count > 0)
            return (null, refusals);

        // Decree 37 leaves each sector to its ministry's line department: a department speaks for its own sectors only.
        if (!scope.CoversSector(input.Sector))
            return (null, [Refusal.Forbidden($"{scope.AgencyName} answers for {string.Join(", ", scope.Sectors)}, not {input.Sector}.")]);

        var edition = await EnsureEditionAsync(year, ct);
        if (edition.Frozen)
            return (null, [Refusal.Conflict($"The {year} edition is approved and frozen; propose for {year + 1}.")]);
        var key = group.ToLowerInvariant();
        var prefixOrNull = string.IsNullOrEmpty(prefix) ? null : prefix;
        if (await db.ProductListEntries.AnyAsync(e => e.Year == year && e.List == list && e.GroupKey == key && e.Sector == input.Sector
                && e.GtinPrefix == prefixOrNull && e.ProductId == input.ProductId && e.Status != ListEntryStatus.Rejected, ct))
            return (null, [Refusal.Conflict($"The {year} {Word(list)} list already has '{group}' for {input.Sector}.", "productGroup")]);

        var entry = new ProductListEntry
        {
            Year = year, List = list, ProductGroup = group, GroupKey = key, GtinPrefix = prefixOrNull, ProductId = input.ProductId,
            Sector = input.Sector!, ResponsibleAgencyId = responsible, Reason = reason, LegalBasis = input.LegalBasis?.Trim(),
            RoadmapDate = input.RoadmapDate, Steps = steps, Status = ListEntryStatus.Proposed,
            ProposedByAgencyId = scope.AgencyId, ProposedBy = scope.Actor, ProposedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.ProductListEntries.Add(entry);
        await db.SaveChangesAsync(ct);
        return (entry, []);
    }

    public Task<(ProductListEntry? Entry, IReadOnlyList<Refusal> Refusals)> ApproveAsync(OfficerScope scope, Guid id, string? reason, CancellationToken ct) =>
        DecideAsync(scope, id, ListEntryStatus.Approved, reason, ct);

    public Task<(ProductListEntry? Entry, IReadOnlyList<Refusal> Refusals)> RejectAsync(OfficerScope scope, Guid id, string? reason, CancellationToken ct) =>
        DecideAsync(scope, id, ListEntryStatus.Rejected, reason, ct);

    private async Task<(ProductListEntry?, IReadOnlyList<Refusal>)> DecideAsync(OfficerScope scope, Guid id, ListEntryStatus decision, string? reason, CancellationToken ct)
    {
        if (!scope.CanApprove)
            return (null, [Refusal.Forbidden("Only DoST officers approve or reject list entries.")]);
        reason = reason?.Trim();
        if (decision == ListEntryStatus.Rejected && string.IsNullOrEmpty(reason))
            return (null, [Refusal.Invalid("A rejection needs its reason.", "reason")]);
        if (reason is { Length: > 2000 })
            return (null, [Refusal.Invalid("reason is longer than 2000 characters.", "reason")]);
        var entry = await db.ProductListEntries.AsTracking().FirstOrDefaultAsync(e => e.Id == id, ct);
        if (entry is null)
            return (null, [Refusal.NotFound("No list entry has this id.")]);
        if (await db.ProductListEditions.AnyAsync(e => e.Year == entry.Year && e.Frozen, ct))
            return (null, [Refusal.Conflict($"The {entry.Year} edition is approved and frozen.")]);
        if (entry.Status != ListEntryStatus.Proposed)
            return (null, [Refusal.Conflict($"This entry was already {entry.Status.ToString().ToLowerInvariant()}.")]);
        entry.Status = decision;
        entry.DecidedBy = scope.Actor;
        entry.DecidedAt = clock.GetUtcNow().UtcDateTime;
        entry.DecisionReason = string.IsNullOrEmpty(reason) ? null : reason;
        await db.SaveChangesAsync(ct);
        return (entry, []);
    }

    /// <summary>Approves and freezes a year's edition: every proposal must be decided first.</summary>
    public async Task<(ProductListEdition? Edition, IReadOnlyList<Refusal> Refusals)> ApproveEditionAsync(OfficerScope scope, int year, string? decision, CancellationToken ct)
    {
        if (!scope.CanApprove)
            return (null, [Refusal.Forbidden("Only DoST officers approve an edition of the lists.")]);
        var edition = await db.ProductListEditions.AsTracking().FirstOrDefaultAsync(e => e.Year == year, ct);
        if (edition is null)
            return (null, [Refusal.NotFound($"There is no {year} edition yet.")]);
        if (edition.Frozen)
            return (null, [Refusal.Conflict($"The {year} edition is already approved.")]);
        var open = await db.ProductListEntries.CountAsync(e => e.Year == year && e.Status == ListEntryStatus.Proposed, ct);
        if (open > 0)
            return (null, [Refusal.Conflict($"{open} proposal(s) of {year} are not decided yet; approve or reject them first.")]);
        edition.Frozen = true;
        edition.ApprovedAt = clock.GetUtcNow().UtcDateTime;
        edition.ApprovedBy = scope.Actor;
        edition.Decision = decision?.Trim() is { Length: > 0 } d ? d[..Math.Min(300, d.Length)] : null;
        await db.SaveChangesAsync(ct);
        return (edition, []);
    }

    /// <summary>
    /// Starts the year after a frozen edition as its copy (the approved entries carried over), so proposals for it can
    /// begin before anyone proposes. DoST only; refused while the edition is open or once the next year exists.
    /// </summary>
    public async Task<(ProductListEdition? Edition, IReadOnlyList<Refusal> Refusals)> StartNextEditionAsync(OfficerScope scope, int year, CancellationToken ct)
    {
        if (!scope.CanApprove)
            return (null, [Refusal.Forbidden("Only DoST officers start the next edition of the lists.")]);
        if (!IsYear(year + 1))
            return (null, [Refusal.Invalid("The year must be between 2020 and 2100.", "year")]);
        var edition = await db.ProductListEditions.AsNoTracking().FirstOrDefaultAsync(e => e.Year == year, ct);
        if (edition is null)
            return (null, [Refusal.NotFound($"There is no {year} edition yet.")]);
        if (!edition.Frozen)
            return (null, [Refusal.Conflict($"The {year} edition is still open; approve it before starting {year + 1}.")]);
        if (await db.ProductListEditions.AnyAsync(e => e.Year == year + 1, ct))
            return (null, [Refusal.Conflict($"The {year + 1} edition has already started.")]);
        return (await EnsureEditionAsync(year + 1, ct), []);
    }

    /// <summary>The year's edition, created as a copy of the approved entries of the latest frozen edition before it.</summary>
    public async Task<ProductListEdition> EnsureEditionAsync(int year, CancellationToken ct)
    {
        var edition = await db.ProductListEditions.AsTracking().FirstOrDefaultAsync(e => e.Year == year, ct);
        if (edition is not null)
            return edition;
        var previous = await db.ProductListEditions.Where(e => e.Year < year && e.Frozen).OrderByDescending(e => e.Year)
            .Select(e => (int?)e.Year).FirstOrDefaultAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        edition = new ProductListEdition { Year = year, CopiedFromYear = previous, CreatedAt = now };
        db.ProductListEditions.Add(edition);
        if (previous is { } from)
        {
            foreach (var e in await db.ProductListEntries.AsNoTracking().Where(e => e.Year == from && e.Status == ListEntryStatus.Approved).ToListAsync(ct))
            {
                db.ProductListEntries.Add(new ProductListEntry
                {
                    Year = year, List = e.List, ProductGroup = e.ProductGroup, GroupKey = e.GroupKey, GtinPrefix = e.GtinPrefix, ProductId = e.ProductId,
                    Sector = e.Sector, ResponsibleAgencyId = e.ResponsibleAgencyId, Reason = e.Reason, LegalBasis = e.LegalBasis,
                    RoadmapDate = e.RoadmapDate, Steps = [.. e.Steps], Status = ListEntryStatus.Approved,
                    ProposedByAgencyId = e.ProposedByAgencyId, ProposedBy = e.ProposedBy, ProposedAt = e.ProposedAt,
                    DecidedBy = e.DecidedBy, DecidedAt = e.DecidedAt, DecisionReason = $"Carried over from the approved {from} edition.", CopiedFromId = e.Id,
                });
            }
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another request created the year at the same moment: use theirs.
            db.ChangeTracker.Clear();
            return await db.ProductListEditions.AsTracking().FirstAsync(e => e.Year == year, ct);
        }
        return edition;
    }
}
