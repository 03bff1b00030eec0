using System.Globalization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using VnTrace.Gs1.Epcis;
using VnTrace.Gs1.Identifiers;
using VnTrace.Server.Certificates;
using VnTrace.Server.Lots;
using VnTrace.Server.Organizations;
using VnTrace.Server.Platform.Data;
using VnTrace.Server.Identity;
using VnTrace.Server.Platform.Text;

namespace VnTrace.Server.Workspace;

/// <summary>
/// The business dashboard: what is in progress (lots, the latest diary events) and what needs attention (certificates
/// expired or expiring within 30 days). Every number and row is the business's own.
/// </summary>
public sealed class IndexModel(VnTraceDbContext db, CurrentBusiness business, TimeProvider clock, Programme.Surveys.SurveyService surveys) : PageModel
{
    public const int ListSize = 10;

    public Organization Organization { get; private set; } = null!;
    public int Products { get; private set; }
    public int Locations { get; private set; }
    public int LotsInProgress { get; private set; }
    public int Certificates { get; private set; }
    /// <summary>Labels in all label batches: serials issued plus copies of lot codes printed.</summary>
    public long LabelsIssued { get; private set; }
    public long SerialsIssued { get; private set; }
    public DateOnly Today { get; private set; }

    public IReadOnlyList<LotRow> Lots { get; private set; } = [];
    public IReadOnlyList<EventRow> Events { get; private set; } = [];
    public IReadOnlyList<CertificateRow> CertificatesNeedingAttention { get; private set; } = [];
    public int CertificatesNeedingAttentionTotal { get; private set; }
    /// <summary>Recall notices of open campaigns the business has not acknowledged yet.</summary>
    public int RecallNoticesToAcknowledge { get; private set; }
    /// <summary>Open surveys from the authority that the business has not answered.</summary>
    public int SurveysAwaiting { get; private set; }

    public sealed record LotRow(Guid Id, string Gtin, string LotNumber, string? ProductName, string? LocationName, DateOnly? ProductionDate, DateTime UpdatedAt);

    /// <param name="BizStep">The bizStep as captured, worded by <see cref="VnTrace.Server.Trace.StepNames"/> (never shown as is).</param>
    /// <param name="Place">The business's own name for the place, or the identifier as captured.</param>
    public sealed record EventRow(DateTimeOffset EventTime, EpcisEventType Type, EpcisAction? Action, string? BizStep, string? Place, bool ErrorDeclaration);

    public sealed record CertificateRow(Guid Id, CertificateKind Kind, string? OtherKindName, string Number, DateOnly? ValidTo, CertificateState State);

    public async Task OnGetAsync(CancellationToken ct)
    {
        Organization = await business.GetAsync(ct);
        var org = business.Id;
        Today = VietnamTime.Today(clock);

        RecallNoticesToAcknowledge = await db.RecallNotices.CountAsync(n => n.OrganizationId == org && n.AcknowledgedAt == null
            && db.RecallCampaigns.Any(c => c.Id == n.CampaignId && c.Status == Recall.RecallStatus.Open), ct);
        SurveysAwaiting = await surveys.AwaitingAsync(org, ct);
        Products = await db.Products.CountAsync(p => p.OrganizationId == org && !p.Archived, ct);
        Locations = await db.Locations.CountAsync(l => l.OrganizationId == org && !l.Archived, ct);
        LotsInProgress = await db.Lots.CountAsync(l => l.OrganizationId == org && l.Status == LotStatus.InProgress, ct);
        Certificates = await db.Certificates.CountAsync(c => c.OrganizationId == org && !c.Archived, ct);
        LabelsIssued = await db.LabelBatches.Where(b => b.OrganizationId == org).SumAsync(b => (long?)b.Count, ct) ?? 0;
        SerialsIssued = await db.IssuedSerials
            .LongCountAsync(s => db.LabelBatches.Any(b => b.Id == s.BatchId && b.OrganizationId == org), ct);

        Lots = await db.Lots
            .Where(l => l.OrganizationId == org && l.Status == LotStatus.InProgress)
            .OrderByDescending(l => l.UpdatedAt).ThenByDescending(l => l.Id)
            .Take(ListSize)
            .Select(l => new LotRow(l.Id, l.Gtin, l.LotNumber,
                db.Products.Where(p => p.Id == l.ProductId && p.OrganizationId == org).Select(p => p.NameVi).FirstOrDefault(),
                db.Locations.Where(x => x.Id == l.LocationId && x.OrganizationId == org).Select(x => x.Name).FirstOrDefault(),
                l.ProductionDate, l.UpdatedAt))
            .ToListAsync(ct);

        await LoadEventsAsync(org, ct);

        var attention = db.Certificates.Where(c => c.OrganizationId == org && !c.Archived)
            .Where(CertificateValidity.ExpiredOrExpiring(Today));
        CertificatesNeedingAttentionTotal = await attention.CountAsync(ct);
        CertificatesNeedingAttention = (await attention
                .OrderBy(c => c.ValidTo).ThenBy(c => c.Number)
                .Take(ListSize)
                .Select(c => new { c.Id, c.Kind, c.OtherKindName, c.Number, c.ValidFrom, c.ValidTo })
                .ToListAsync(ct))
            .Select(c => new CertificateRow(c.Id, c.Kind, c.OtherKindName, c.Number, c.ValidTo, CertificateValidity.StateOn(c.ValidFrom, c.ValidTo, Today)))
            .ToList();
    }

    /// <summary>The latest events the business captured (its event repository: events it owns), newest first.</summary>
    private async Task LoadEventsAsync(Guid org, CancellationToken ct)
    {
        var rows = await db.Events
            .Where(e => e.OwnerId == org)
            .OrderByDescending(e => e.EventTime).ThenByDescending(e => e.Id)
            .Take(ListSize)
            .Select(e => new { e.EventTime, e.EventTimeZoneOffset, e.EventType, e.Action, e.BizStep, e.BizLocation, e.ReadPoint, e.HasErrorDeclaration })
            .ToListAsync(ct);
        // Places are stored as canonical Digital Links (https://id.gs1.org/414/{gln}); name the business's own.
        var glns = rows.Select(r => GlnOf(r.BizLocation ?? r.ReadPoint)).OfType<string>().Distinct().ToList();
        var names = glns.Count == 0
            ? []
            : await db.Locations.Where(l => l.OrganizationId == org && glns.Contains(l.Gln))
                .Select(l => new { l.Gln, l.Name }).ToDictionaryAsync(l => l.Gln, l => l.Name, ct);
        Events = rows.Select(r =>
        {
            var place = r.BizLocation ?? r.ReadPoint;
            var gln = GlnOf(place);
            return new EventRow(LocalTime(r.EventTime, r.EventTimeZoneOffset), r.EventType, r.Action, r.BizStep,
                gln is not null && names.TryGetValue(gln, out var name) ? name : gln ?? place, r.HasErrorDeclaration);
        }).ToList();
    }

    /// <summary>The GLN of a place (AI 414); a party (AI 417) is no place to show.</summary>
    private static string? GlnOf(string? place) =>
        DigitalLink.TryGetGln(place, out var gln, out var kind) && kind == GlnKind.Location ? gln.ToString() : null;

    /// <summary>The event's time in the time zone it happened in (EPCIS eventTimeZoneOffset).</summary>
    private static DateTimeOffset LocalTime(DateTime utc, string offset)
    {
        var instant = new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc));
        return TimeSpan.TryParseExact(offset.TrimStart('+', '-'), @"hh\:mm", CultureInfo.InvariantCulture, out var span)
            ? instant.ToOffset(offset.StartsWith('-') ? span.Negate() : span)
            : VietnamTime.ToVietnam(instant);
    }
}
