using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;
using VnTrace.Gs1.Identifiers;
using VnTrace.Server.Organizations;
using VnTrace.Server.Platform.Data;

namespace VnTrace.Server.Gs1Allocation;

/// <summary>A GS1 key could not be handed out: no company prefix yet, or a range used up. The message says which.</summary>
public sealed class Gs1AllocationException(string message) : Exception(message);

/// <summary>The codes an organization issues from, after <see cref="Gs1Numbering.EnsureCodesAsync"/>.</summary>
public sealed record IssuingCodes(string CompanyPrefix, bool Allocated, string PartyGln);

/// <summary>
/// Hands GS1 keys to organizations, keeping the counters <see cref="Gs1Allocator"/> leaves to its caller in the
/// database: a company prefix from the province's range (<see cref="Gs1AllocationOptions"/>) for a business without
/// its own, its party GLN, and then GTINs and GLNs one by one from the prefix in use
/// (<see cref="Organization.NextGtinReference"/>, <see cref="Organization.NextGlnReference"/>). Every step is safe
/// when two requests ask at once: counters are raised by an atomic UPDATE inside a transaction (the row stays locked
/// until the number is read back), and a company prefix is claimed by a conditional UPDATE that the unique index on
/// <see cref="Organization.AllocatedCompanyPrefix"/> arbitrates. A key already used by a product, lot, location or
/// organization (entered by hand, imported) is skipped, never handed out twice.
/// </summary>
public sealed class Gs1Numbering(VnTraceDbContext db, Gs1Allocator allocator)
{
    private const int MaxAttempts = 100;

    /// <summary>
    /// Gives a business what it needs to issue codes, when it lacks it: a company prefix from the province's range
    /// (unless it holds its own) and its party GLN. Does nothing for what it already has; called when the authority
    /// approves the business and after its prefix changes. Must not run inside a transaction (a lost race for a
    /// prefix is a unique-index violation, which would abort it on PostgreSQL).
    /// </summary>
    /// <exception cref="Gs1AllocationException">The province's range is used up.</exception>
    public async Task<IssuingCodes> EnsureCodesAsync(Guid organizationId, CancellationToken ct)
    {
        if (db.Database.CurrentTransaction is not null)
            throw new InvalidOperationException("EnsureCodesAsync claims a company prefix outside any transaction.");
        var prefix = await EnsureCompanyPrefixAsync(organizationId, ct);
        var gln = await db.Organizations.Where(o => o.Id == organizationId).Select(o => o.Gln).SingleAsync(ct);
        while (gln is null)
        {
            var next = (await NextGlnAsync(organizationId, ct)).ToString();
            await db.Organizations.Where(o => o.Id == organizationId && o.Gln == null).ExecuteUpdateAsync(s => s.SetProperty(o => o.Gln, next), ct);
            // Another request may have set it first: then this GLN number stays unused, and theirs is the one.
            gln = await db.Organizations.Where(o => o.Id == organizationId).Select(o => o.Gln).SingleAsync(ct);
        }
        return new IssuingCodes(prefix.Digits, prefix.Allocated, gln);
    }

    /// <summary>
    /// The next GTIN (GTIN-13 as 14 digits) from the organization's company prefix in use: one claim of
    /// <see cref="Products.GtinAllocator"/>, the only place GTIN numbers are counted, in its own transaction when
    /// the caller has none.
    /// </summary>
    /// <exception cref="Gs1AllocationException">No company prefix yet, or its item references are used up.</exception>
    public async Task<Gtin> NextGtinAsync(Guid organizationId, CancellationToken ct)
    {
        var own = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        try
        {
            var claim = await new Products.GtinAllocator(db).ClaimAsync(organizationId, 1, ct: ct);
            if (claim.Error is { } error)
                throw new Gs1AllocationException(error == Products.GtinClaimError.NoCompanyPrefix
                    ? "The organization has no GS1 company prefix yet: its own is not recorded and none was allocated (that happens when the authority approves it)."
                    : $"Every item reference of company prefix {claim.CompanyPrefix} is used.");
            if (own is not null)
                await own.CommitAsync(ct);
            return claim.Gtins[0];
        }
        finally
        {
            if (own is not null)
                await own.DisposeAsync();
        }
    }

    /// <summary>The next GLN from the organization's company prefix in use.</summary>
    /// <exception cref="Gs1AllocationException">No company prefix yet, or its location references are used up.</exception>
    public async Task<Gln> NextGlnAsync(Guid organizationId, CancellationToken ct)
    {
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var (prefix, number) = await TakeGlnNumberAsync(organizationId, ct);
            if (!Gs1Allocator.TryGln(prefix, number, out var gln, out var error))
                throw new Gs1AllocationException(error.Message);
            var text = gln.ToString();
            if (!await db.Locations.IgnoreTenantFilter("a GLN is unique across all organizations' places").AnyAsync(l => l.Gln == text, ct) && !await db.Organizations.AnyAsync(o => o.Gln == text, ct))
                return gln;
        }
        throw new Gs1AllocationException($"No free GLN found in {MaxAttempts} tries; the location references in use are not numbered from the counter.");
    }

    /// <summary>
    /// Raises the GLN counter by one and returns the number it held, with the prefix it numbers (GTINs are counted by
    /// <see cref="Products.GtinAllocator"/>). Joins the caller's transaction when there is one (the number is then
    /// given back if the caller rolls back), else uses its own.
    /// </summary>
    private async Task<(CompanyPrefix Prefix, long Number)> TakeGlnNumberAsync(Guid organizationId, CancellationToken ct)
    {
        var own = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        try
        {
            var organization = db.Organizations.Where(o => o.Id == organizationId && (o.Gs1CompanyPrefix != null || o.AllocatedCompanyPrefix != null));
            var raised = await organization.ExecuteUpdateAsync(s => s.SetProperty(o => o.NextGlnReference, o => o.NextGlnReference + 1), ct);
            if (raised == 0)
                throw new Gs1AllocationException("The organization has no GS1 company prefix yet: its own is not recorded and none was allocated (that happens when the authority approves it).");
            var row = await db.Organizations.Where(o => o.Id == organizationId)
                .Select(o => new { Prefix = o.Gs1CompanyPrefix ?? o.AllocatedCompanyPrefix, Next = o.NextGlnReference })
                .SingleAsync(ct);
            if (own is not null)
                await own.CommitAsync(ct);
            if (!CompanyPrefix.TryParse(row.Prefix, out var prefix, out var error))
                throw new Gs1AllocationException(error.Message);
            return (prefix, row.Next - 1);
        }
        finally
        {
            if (own is not null)
                await own.DisposeAsync();
        }
    }

    private async Task<(string Digits, bool Allocated)> EnsureCompanyPrefixAsync(Guid organizationId, CancellationToken ct)
    {
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var current = await db.Organizations.Where(o => o.Id == organizationId)
                .Select(o => new { o.Gs1CompanyPrefix, o.AllocatedCompanyPrefix }).SingleAsync(ct);
            if (current.Gs1CompanyPrefix is not null)
                return (current.Gs1CompanyPrefix, false);
            if (current.AllocatedCompanyPrefix is not null)
                return (current.AllocatedCompanyPrefix, true);

            var candidate = await NextFreeCompanyPrefixAsync(organizationId, ct);
            try
            {
                await db.Organizations.Where(o => o.Id == organizationId && o.Gs1CompanyPrefix == null && o.AllocatedCompanyPrefix == null)
                    .ExecuteUpdateAsync(s => s.SetProperty(o => o.AllocatedCompanyPrefix, candidate), ct);
            }
            catch (Exception e) when (IsUniqueViolation(e))
            {
                // Another business was given this prefix between our look and our claim: look again.
            }
        }
        throw new Gs1AllocationException($"No company prefix could be claimed in {MaxAttempts} tries; too many businesses are being approved at once.");
    }

    /// <summary>
    /// The prefix after the highest one allocated from the range so far, skipping any that overlaps a prefix some
    /// organization holds (a business's own prefix licensed by GS1 Vietnam may fall into the range).
    /// </summary>
    private async Task<string> NextFreeCompanyPrefixAsync(Guid organizationId, CancellationToken ct)
    {
        var length = allocator.Prefix.Length + allocator.BusinessDigits;
        var highest = await db.Organizations
            .Where(o => o.AllocatedCompanyPrefix != null && o.AllocatedCompanyPrefix.StartsWith(allocator.Prefix) && o.AllocatedCompanyPrefix.Length == length)
            .OrderByDescending(o => o.AllocatedCompanyPrefix)
            .Select(o => o.AllocatedCompanyPrefix)
            .FirstOrDefaultAsync(ct);
        var number = highest is null ? 0 : long.Parse(highest.AsSpan(allocator.Prefix.Length), System.Globalization.CultureInfo.InvariantCulture) + 1;
        for (var skipped = 0; ; skipped++, number++)
        {
            if (!allocator.TryCompanyPrefix(number, out var prefix, out var error))
                throw new Gs1AllocationException(error.Message);
            if (skipped >= MaxAttempts || !await db.Organizations.CompanyPrefixTakenAsync(prefix.Digits, organizationId, ct))
                return prefix.Digits;
        }
    }

    private static bool IsUniqueViolation(Exception e)
    {
        for (Exception? x = e; x is not null; x = x.InnerException)
        {
            if (x is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
                return true;
            if (x is SqliteException { SqliteErrorCode: 19 }) // SQLITE_CONSTRAINT: here only the unique index can object
                return true;
        }
        return false;
    }
}

/// <summary>Checks the province's range when the server starts, so a bad setting stops it with the reason.</summary>
internal sealed class Gs1AllocationOptionsValidation : IValidateOptions<Gs1AllocationOptions>
{
    public ValidateOptionsResult Validate(string? name, Gs1AllocationOptions options) =>
        Gs1Allocator.TryCreate(options, out _, out var error) ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(error.Message);
}
