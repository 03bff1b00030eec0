using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using VnTrace.Gs1.Identifiers;
using VnTrace.Server.Gs1Allocation;
using VnTrace.Server.Identity;
using VnTrace.Server.Organizations;
using VnTrace.Server.Organizations.Reference;
using VnTrace.Server.Platform.Data;
using VnTrace.Server.Platform.Web;

namespace VnTrace.Server.Locations;

/// <summary>
/// The GLN of a location form: typed (checked, unique system-wide) or allocated under the business's company prefix.
/// Problems are listed under <see cref="LocationForm.Gln"/>.
/// </summary>
public sealed class LocationGlns(VnTraceDbContext db, CurrentBusiness business, Gs1Numbering numbering, IStringLocalizer<LocationText> t)
{
    private const string Field = nameof(LocationForm.Gln);

    /// <summary>The GLN as typed without its spaces; null when none was typed.</summary>
    public static string? Normalize(string? text)
    {
        var s = string.Concat((text ?? "").Where(c => !char.IsWhiteSpace(c)));
        return s.Length == 0 ? null : s;
    }

    /// <summary>
    /// A typed GLN: 13 digits with the right check digit (the message names the bad character or check digit and
    /// its position), under a GS1 prefix a Member Organisation allocates, and used by no other location or party.
    /// </summary>
    public async Task<bool> CheckAsync(string gln, Guid self, FieldErrors errors, CancellationToken ct)
    {
        if (!Gln.TryParse(gln, out var parsed, out var error))
        {
            errors.Add(Field, Describe(gln, error));
            return false;
        }
        if (Gs1Prefix.CountryOf(parsed) is null)
        {
            errors.Add(Field, t["Gln.NotCompanyPrefix", gln[..3]]);
            return false;
        }
        if (await TakenAsync(gln, self, ct))
        {
            errors.Add(Field, t["Gln.Taken", gln]);
            return false;
        }
        return true;
    }

    /// <summary>
    /// The next free GLN under the business's company prefix (<see cref="Gs1Numbering"/>: the counter is raised in the
    /// caller's transaction, so a refused save allocates nothing and concurrent saves never share a number).
    /// </summary>
    public async Task<string?> AllocateAsync(Organization organization, FieldErrors errors, CancellationToken ct)
    {
        if (!CompanyPrefix.TryParse(organization.CompanyPrefixInUse, out var prefix, out _))
        {
            errors.Add(Field, t["Gln.BadPrefix", organization.CompanyPrefixInUse ?? ""]);
            return null;
        }
        try
        {
            return (await numbering.NextGlnAsync(organization.Id, ct)).ToString();
        }
        catch (Gs1AllocationException)
        {
            errors.Add(Field, t["Gln.PrefixFull", prefix.Digits]);
            return null;
        }
    }

    private string Describe(string gln, Gs1ParseError error) => error.Code switch
    {
        Gs1ParseErrorCode.NotNumeric => t["Gln.NotADigit", gln[error.Position], error.Position + 1],
        Gs1ParseErrorCode.WrongLength => t["Gln.Length", gln.Length],
        Gs1ParseErrorCode.BadCheckDigit => t["Gln.CheckDigit", gln[^1], Gln.Length, Gs1CheckDigit.ComputeChar(gln.AsSpan(0, Gln.Length - 1))],
        _ => error.Message,
    };

    /// <summary>Another location, or another organization's party GLN, has it (a business may give its main site its own party GLN).</summary>
    private async Task<bool> TakenAsync(string gln, Guid self, CancellationToken ct) =>
        await db.Locations.IgnoreTenantFilter("a GLN is unique across all organizations' places").AnyAsync(l => l.Gln == gln && l.Id != self, ct)
        || await db.Organizations.AnyAsync(o => o.Gln == gln && o.Id != business.Id, ct);
}
