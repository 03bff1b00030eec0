using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;

namespace VnTrace.Server.Organizations;

/// <summary>
/// The codes an organization declares about itself — tax code, GS1 company prefix — checked the same way wherever
/// they are entered (sign-up, the organization profile, the admin command).
/// </summary>
public static partial class OrganizationCodes
{
    /// <summary>Enterprise code (10 digits), a dependent unit (10-3), or a 12-digit personal ID used by household businesses.</summary>
    public static bool IsTaxCode(string text) => TaxCode.TryParse(text, out _, out _);

    /// <summary>A GS1 company prefix licensed by GS1 Vietnam: 893 and 4–9 more digits.</summary>
    public static bool IsGs1CompanyPrefix(string text) => Gs1PrefixFormat().IsMatch(text);

    /// <summary>Trims, and turns an empty entry into null.</summary>
    public static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    /// <summary>True when another organization (not <paramref name="except"/>) already registered this tax code.</summary>
    public static Task<bool> TaxCodeTakenAsync(this IQueryable<Organization> organizations, string taxCode, Guid? except, CancellationToken ct) =>
        organizations.AnyAsync(o => o.TaxCode == taxCode && o.Id != except, ct);

    /// <summary>
    /// True when another organization's company prefix — its own or one allocated to it — is the same or overlaps
    /// (one starts with the other): both would then number the same GTINs and GLNs.
    /// </summary>
    public static async Task<bool> CompanyPrefixTakenAsync(this IQueryable<Organization> organizations, string prefix, Guid? except, CancellationToken ct)
    {
        // Company prefixes have at least 6 digits, so overlapping ones share their first 6: an index-friendly
        // LIKE narrows the candidates, the exact test runs on the few that remain.
        var head = prefix[..Math.Min(6, prefix.Length)];
        var candidates = await organizations
            .Where(o => o.Id != except && ((o.Gs1CompanyPrefix != null && o.Gs1CompanyPrefix.StartsWith(head))
                                           || (o.AllocatedCompanyPrefix != null && o.AllocatedCompanyPrefix.StartsWith(head))))
            .Select(o => new { o.Gs1CompanyPrefix, o.AllocatedCompanyPrefix })
            .ToListAsync(ct);
        return candidates.SelectMany(c => new[] { c.Gs1CompanyPrefix, c.AllocatedCompanyPrefix })
            .Any(p => p is not null && (p.StartsWith(prefix, StringComparison.Ordinal) || prefix.StartsWith(p, StringComparison.Ordinal)));
    }

    [GeneratedRegex(@"^893\d{4,9}$")]
    private static partial Regex Gs1PrefixFormat();
}
