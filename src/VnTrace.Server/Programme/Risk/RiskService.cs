using System.Globalization;
using Microsoft.EntityFrameworkCore;
using VnTrace.Server.Imports;
using VnTrace.Server.Platform.Data;
using VnTrace.Server.Products;
using VnTrace.Server.Programme.Agencies;

namespace VnTrace.Server.Programme.Risk;

/// <summary>What an officer asks to classify; with a group or a product it is stored, without it only computed.</summary>
public sealed record RiskInput(decimal? K, decimal? C, decimal? P, string? ProductGroup = null, Guid? ProductId = null,
    DateOnly? EffectiveFrom = null, string? Basis = null);

/// <summary>A group's level on a date and what set it.</summary>
public sealed record GroupRisk(string ProductGroup, RiskLevel Level, RiskSource Source, decimal? R, DateOnly EffectiveFrom, string? Basis);

/// <summary>A registered product and the level it takes: its own assessment, else its group's, else what its business declared.</summary>
public sealed record ProductRisk(Guid ProductId, string? Category, RiskLevel Level, string From);

/// <summary>
/// Classifies goods (<see cref="RiskRule"/>), stores assessments per group or product, imports the ministries'
/// high-risk lists, and tells the level each product takes on a day.
/// </summary>
public sealed class RiskService(VnTraceDbContext db, TimeProvider clock)
{
    public async Task<(RiskAssessment? Stored, decimal R, RiskLevel Level, IReadOnlyList<Refusal> Refusals)> AssessAsync(
        OfficerScope scope, RiskInput input, CancellationToken ct)
    {
        var (r, level, refusals) = RiskRule.Classify(input.K, input.C, input.P);
        if (refusals.Count > 0)
            return (null, 0, RiskLevel.Unknown, refusals);
        var group = input.ProductGroup?.Trim();
        if (string.IsNullOrEmpty(group) && input.ProductId is null)
            return (null, r, level, []);

        // A commune officer follows its commune's businesses; classifying goods for the whole province is not theirs.
        if (!scope.CanRecord || scope.Kind == AgencyKind.Commune)
            return (null, 0, RiskLevel.Unknown, [Refusal.Forbidden("Only the DoST and the departments store risk assessments.")]);
        if (group is { Length: > 200 })
            return (null, 0, RiskLevel.Unknown, [Refusal.Invalid("productGroup is longer than 200 characters.", "productGroup")]);
        if (input.ProductId is { } productId)
        {
            var category = await db.Products.IgnoreTenantFilter("an officer classifies any business's product")
                .Where(p => p.Id == productId).Select(p => new { p.Category }).FirstOrDefaultAsync(ct);
            if (category is null)
                return (null, 0, RiskLevel.Unknown, [Refusal.Invalid("No registered product has this id.", "productId")]);
            group ??= category.Category ?? "";
        }
        var assessment = new RiskAssessment
        {
            ProductGroup = group!, GroupKey = RiskAssessment.KeyOf(group!), ProductId = input.ProductId, Source = RiskSource.Assessment,
            K = input.K, C = (int)input.C!.Value, P = (int)input.P!.Value, R = r, Level = level,
            EffectiveFrom = input.EffectiveFrom ?? Today(), Basis = input.Basis?.Trim(), AgencyId = scope.AgencyId,
            AssessedBy = scope.Actor, AssessedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.RiskAssessments.Add(assessment);
        await db.SaveChangesAsync(ct);
        return (assessment, r, level, []);
    }

    /// <summary>Every group's level on <paramref name="day"/>: a ministry list in force makes it high, else its latest assessment.</summary>
    public async Task<IReadOnlyList<GroupRisk>> GroupsAsync(DateOnly day, CancellationToken ct)
    {
        var rows = await db.RiskAssessments.AsNoTracking().Where(a => a.ProductId == null && a.EffectiveFrom <= day).ToListAsync(ct);
        return [.. rows.GroupBy(a => a.GroupKey).Select(g => Decide(g)).OrderBy(g => g.ProductGroup, StringComparer.CurrentCulture)];
    }

    private static GroupRisk Decide(IEnumerable<RiskAssessment> group)
    {
        var list = group.ToList();
        var decided = list.Where(a => a.Source == RiskSource.MinistryList).OrderBy(a => a.EffectiveFrom).FirstOrDefault()
            ?? list.OrderByDescending(a => a.EffectiveFrom).ThenByDescending(a => a.AssessedAt).First();
        return new GroupRisk(decided.ProductGroup, decided.Level, decided.Source, decided.R, decided.EffectiveFrom, decided.Basis);
    }

    /// <summary>The level each of these products takes on <paramref name="day"/>.</summary>
    public async Task<IReadOnlyDictionary<Guid, ProductRisk>> ProductsAsync(IReadOnlyCollection<(Guid Id, string? Category, RiskLevel Declared)> products,
        DateOnly day, CancellationToken ct)
    {
        var groups = (await GroupsAsync(day, ct)).ToDictionary(g => RiskAssessment.KeyOf(g.ProductGroup));
        var own = (await db.RiskAssessments.AsNoTracking().Where(a => a.ProductId != null && a.EffectiveFrom <= day).ToListAsync(ct))
            .GroupBy(a => a.ProductId!.Value)
            .ToDictionary(g => g.Key, g => g.OrderByDescending(a => a.EffectiveFrom).ThenByDescending(a => a.AssessedAt).First());
        var result = new Dictionary<Guid, ProductRisk>();
        foreach (var (id, category, declared) in products)
        {
            if (own.TryGetValue(id, out var a))
                result[id] = new(id, category, a.Level, "product");
            else if (category is not null && groups.TryGetValue(RiskAssessment.KeyOf(category), out var g))
                result[id] = new(id, category, g.Level, g.Source == RiskSource.MinistryList ? "ministry" : "group");
            else
                result[id] = new(id, category, declared, "declared");
        }
        return result;
    }

    /// <summary>
    /// Stored assessments and imported list rows, newest first: the classification's history, narrowed to a group
    /// (by its key) or a product when given.
    /// </summary>
    public async Task<IReadOnlyList<RiskAssessment>> HistoryAsync(string? group, Guid? productId, int take, CancellationToken ct)
    {
        var query = db.RiskAssessments.AsNoTracking();
        if (group?.Trim() is { Length: > 0 } g)
        {
            var key = RiskAssessment.KeyOf(g);
            query = query.Where(a => a.GroupKey == key);
        }
        if (productId is { } id)
            query = query.Where(a => a.ProductId == id);
        return await query.OrderByDescending(a => a.AssessedAt).ThenByDescending(a => a.Id).Take(take).ToListAsync(ct);
    }

    /// <summary>The registered product of a GTIN (13 or 14 digits), any business's: officers classify goods by their code.</summary>
    public async Task<(Guid Id, string Name, string Gtin, string? Category)?> ProductByGtinAsync(string? gtin, CancellationToken ct)
    {
        var digits = gtin?.Trim() ?? "";
        if (digits.Length == 13)
            digits = "0" + digits;
        if (digits.Length != 14 || !digits.All(char.IsAsciiDigit))
            return null;
        var p = await db.Products.IgnoreTenantFilter("an officer classifies any business's product")
            .Where(p => p.Gtin == digits).Select(p => new { p.Id, p.NameVi, p.Gtin, p.Category }).FirstOrDefaultAsync(ct);
        return p is null ? null : (p.Id, p.NameVi, p.Gtin, p.Category);
    }

    /// <summary>The level a product takes today (the product pages).</summary>
    public async Task<ProductRisk> ProductAsync(Product product, CancellationToken ct) =>
        (await ProductsAsync([(product.Id, product.Category, product.RiskLevel)], Today(), ct))[product.Id];

    /// <summary>
    /// A ministry's published high-risk list (xlsx or CSV; columns: group, effective date, and optionally the basis):
    /// every row good, or nothing imported and each bad row reported by its row number.
    /// </summary>
    public async Task<(int Imported, IReadOnlyList<Refusal> Refusals)> ImportHighRiskListAsync(OfficerScope scope, Stream content, string? fileName,
        string? basis, CancellationToken ct)
    {
        if (!scope.CanApprove)
            return (0, [Refusal.Forbidden("Only DoST officers import the ministries' high-risk lists.")]);
        var (data, error) = await TabularFile.ReadAsync(content, fileName, cancellationToken: ct);
        if (data is null)
            return (0, [new Refusal(RefusalKind.Invalid, error!.Message, "file", error.Row)]);
        var headers = data.Headers.Select(h => h.Trim().ToLowerInvariant()).ToList();
        var groupColumn = headers.FindIndex(h => h is "group" or "product group" or "nhóm sản phẩm" or "nhóm hàng");
        var dateColumn = headers.FindIndex(h => h is "effective date" or "effective from" or "ngày hiệu lực" or "ngày áp dụng");
        var basisColumn = headers.FindIndex(h => h is "basis" or "legal basis" or "căn cứ" or "căn cứ pháp lý");
        if (groupColumn < 0 || dateColumn < 0)
            return (0, [new Refusal(RefusalKind.Invalid, "The header row must name the columns 'group' and 'effective date' (or 'nhóm sản phẩm' and 'ngày hiệu lực').", "file", data.HeaderRowNumber)]);

        var refusals = new List<Refusal>();
        var rows = new List<RiskAssessment>();
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var row in data.Rows)
        {
            var group = row[groupColumn].Trim();
            if (group.Length is 0 or > 200)
                refusals.Add(new(RefusalKind.Invalid, "The group is empty or longer than 200 characters.", "group", row.RowNumber));
            if (!TryDate(row.Cell(dateColumn), out var from))
                refusals.Add(new(RefusalKind.Invalid, $"'{row[dateColumn]}' is not a date (yyyy-mm-dd or dd/mm/yyyy).", "effectiveDate", row.RowNumber));
            if (refusals.Count > 0 && refusals[^1].Row == row.RowNumber)
                continue;
            rows.Add(new RiskAssessment
            {
                ProductGroup = group, GroupKey = RiskAssessment.KeyOf(group), Source = RiskSource.MinistryList, Level = RiskLevel.High,
                EffectiveFrom = from, Basis = (basisColumn >= 0 && row[basisColumn].Trim() is { Length: > 0 } b ? b : basis?.Trim()) is { } text ? text[..Math.Min(500, text.Length)] : null,
                AgencyId = scope.AgencyId, AssessedBy = scope.Actor, AssessedAt = now,
            });
        }
        if (rows.Count == 0 && refusals.Count == 0)
            refusals.Add(new(RefusalKind.Invalid, "The file has no rows below its header.", "file", data.HeaderRowNumber));
        if (refusals.Count > 0)
            return (0, refusals);
        db.RiskAssessments.AddRange(rows);
        await db.SaveChangesAsync(ct);
        return (rows.Count, []);
    }

    private static bool TryDate(ImportCell cell, out DateOnly date)
    {
        var text = cell.Text.Trim();
        if (cell.IsNumber && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var serial) && serial is > 0 and < 2958466)
        {
            date = DateOnly.FromDateTime(DateTime.FromOADate(serial));
            return true;
        }
        return DateOnly.TryParseExact(text, ["yyyy-MM-dd", "dd/MM/yyyy", "d/M/yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
    }

    private DateOnly Today() => Platform.Text.VietnamTime.DateOf(clock.GetUtcNow());
}
