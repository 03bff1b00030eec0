using Microsoft.EntityFrameworkCore;
using VnTrace.Server.Platform.Audit;
using VnTrace.Server.Platform.Data;
using VnTrace.Server.Platform.Text;
using VnTrace.Server.Programme.Agencies;
using VnTrace.Server.Programme.Plans;
using VnTrace.Server.Programme.Support;

namespace VnTrace.Server.Programme.Inspections;

/// <summary>
/// Conformity assessments (certifications) of businesses' traceability systems: a result, the certificate number
/// (required for a pass), and validity dates with validTo after validFrom. Recorded by any recording officer for a
/// business in the scope.
/// </summary>
public sealed class CertificationService(VnTraceDbContext db, AuditTrail audit, TimeProvider clock)
{
    public async Task<Outcome<RecordId>> RecordAsync(OfficerScope scope, CertificationInput input, CancellationToken ct)
    {
        if (ProgrammeChecks.MustRecord(scope) is { } forbidden)
            return forbidden;
        if (!InspectionWords.TryAssessment(input.Result, out var result))
            return Refusal.Invalid("result must be pass or fail.", "result");
        if (ProgrammeChecks.Text(input.CertificateNumber, "certificateNumber", 100, required: result == AssessmentResult.Pass) is { } n)
            return n;
        if (input.ValidFrom is not { } from)
            return Refusal.Invalid("validFrom is required.", "validFrom");
        if (input.ValidTo is not { } to)
            return Refusal.Invalid("validTo is required.", "validTo");
        if (to <= from)
            return Refusal.Invalid($"validTo ({to:yyyy-MM-dd}) must come after validFrom ({from:yyyy-MM-dd}).", "validTo");
        if ((ProgrammeChecks.Text(input.Body, "body", 300, required: false) ?? ProgrammeChecks.Text(input.Notes, "notes", 2000, required: false)) is { } t)
            return t;
        var (organization, refusal) = await ProgrammeChecks.BusinessInScopeAsync(db, scope, input.OrganizationId, ct);
        if (refusal is not null)
            return refusal;
        var number = input.CertificateNumber?.Trim();
        if (number is not null && await db.ConformityAssessments.AnyAsync(a => a.CertificateNumber == number, ct))
            return Refusal.Conflict("A certificate with this number is already recorded.", "certificateNumber");
        var assessment = new ConformityAssessment
        {
            OrganizationId = organization!.Id, AgencyId = scope.AgencyId, Result = result, CertificateNumber = number,
            AssessedOn = input.AssessedOn ?? from, ValidFrom = from, ValidTo = to, Body = input.Body?.Trim(), Notes = input.Notes?.Trim(),
            RecordedBy = scope.Actor, CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.ConformityAssessments.Add(assessment);
        audit.Record("conformity-assessment.create", nameof(ConformityAssessment), assessment.Id, new { result = InspectionWords.Of(result), number }, organization.Id);
        await db.SaveChangesAsync(ct);
        return Outcome<RecordId>.Done(new RecordId(assessment.Id));
    }

    public async Task<List<CertificationView>> ListAsync(OfficerScope scope, int? year, string? result, string? q, CancellationToken ct)
    {
        var inScope = ProgrammeChecks.BusinessIds(db, scope);
        var rows = from a in db.ConformityAssessments
                   where inScope.Contains(a.OrganizationId)
                   join o in db.Organizations on a.OrganizationId equals o.Id
                   select new { a, o.Name };
        if (year is { } y)
        {
            var period = IndicatorPeriod.Year(y);
            rows = rows.Where(r => r.a.AssessedOn >= period.From && r.a.AssessedOn < period.To);
        }
        if (InspectionWords.TryAssessment(result, out var r))
            rows = rows.Where(x => x.a.Result == r);
        if (!string.IsNullOrWhiteSpace(q))
        {
            var text = q.Trim();
            rows = rows.Where(x => x.Name.Contains(text) || (x.a.CertificateNumber != null && x.a.CertificateNumber.Contains(text)));
        }
        var list = await rows.OrderByDescending(x => x.a.AssessedOn).ThenBy(x => x.Name).ToListAsync(ct);
        return list.Select(x => new CertificationView(x.a.Id, x.a.OrganizationId, x.Name, InspectionWords.Of(x.a.Result), x.a.CertificateNumber,
            x.a.AssessedOn, x.a.ValidFrom, x.a.ValidTo, x.a.Body, x.a.Notes)).ToList();
    }

    internal DateOnly Today => VietnamTime.Today(clock);
}

/// <summary>
/// <c>businesses_certified</c>: distinct businesses in the scope with a pass assessment dated (assessedOn) in the
/// period. A fail does not count; two passes of one business count once.
/// </summary>
internal sealed class BusinessesCertifiedIndicator(VnTraceDbContext db) : IIndicator
{
    public string Code => IndicatorCodes.BusinessesCertified;

    private IQueryable<ConformityAssessment> Passes(IndicatorPeriod period, OfficerScope scope)
    {
        var inScope = ProgrammeChecks.BusinessIds(db, scope);
        return db.ConformityAssessments.Where(a => a.Result == AssessmentResult.Pass && a.AssessedOn >= period.From && a.AssessedOn < period.To
            && inScope.Contains(a.OrganizationId));
    }

    public async Task<IndicatorValue> ComputeAsync(IndicatorPeriod period, OfficerScope scope, CancellationToken ct) =>
        IndicatorValue.Count(await Passes(period, scope).Select(a => a.OrganizationId).Distinct().CountAsync(ct));

    public async Task<IReadOnlyList<IndicatorRecord>> RecordsAsync(IndicatorPeriod period, OfficerScope scope, CancellationToken ct)
    {
        var rows = await (from a in Passes(period, scope)
                          join o in db.Organizations on a.OrganizationId equals o.Id
                          orderby a.AssessedOn
                          select new { a.Id, a.OrganizationId, o.Name, a.CertificateNumber, a.AssessedOn }).ToListAsync(ct);
        return rows.GroupBy(r => r.OrganizationId).Select(g => g.First())
            .Select(r => new IndicatorRecord("conformity_assessment", r.Id, $"{r.Name} — {r.CertificateNumber}", r.AssessedOn, "/authority/certifications")).ToList();
    }
}
