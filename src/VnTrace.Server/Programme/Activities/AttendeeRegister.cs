using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using VnTrace.Server.Imports;
using VnTrace.Server.Organizations;
using VnTrace.Server.Platform.Data;

namespace VnTrace.Server.Programme.Activities;

/// <summary>A register read from a file: the attendees and their spreadsheet rows, or every broken row.</summary>
public sealed record AttendeeFile(IReadOnlyList<AttendeeInput> Attendees, IReadOnlyList<int> Rows, IReadOnlyList<Refusal> Refusals);

/// <summary>
/// Reads an attendee register (.xlsx or CSV) as a sign-in sheet is typed up: a header row with "Họ và tên / Name",
/// "Tổ chức / Organization", "Mã số thuế / Tax code" and "Công chức / Civil servant" (either language, any order),
/// then one attendee a row. A business is matched by tax code, else by its exact name; an organization that is not
/// a registered business is kept as written. Every broken row is reported, by its row number.
/// </summary>
public sealed class AttendeeRegister(VnTraceDbContext db)
{
    public static readonly string[] Headers = ["Họ và tên / Name", "Tổ chức / Organization", "Mã số thuế / Tax code", "Công chức / Civil servant"];

    private static readonly string[][] Names =
    [
        ["ho va ten", "ho ten", "name", "full name"],
        ["to chuc", "don vi", "co quan", "organization", "organisation"],
        ["ma so thue", "mst", "tax code"],
        ["cong chuc", "can bo cong chuc", "civil servant"],
    ];

    public async Task<AttendeeFile> ReadAsync(Stream content, string? fileName, CancellationToken ct)
    {
        var (data, error) = await TabularFile.ReadAsync(content, fileName, new TabularFileOptions { MaxRows = ActivityService.MaxAttendees }, ct);
        if (data is null)
            return new AttendeeFile([], [], [new Refusal(RefusalKind.Invalid, error!.Message, "file", error.Row)]);
        return await ReadAsync(data, ct);
    }

    /// <summary>
    /// One attendee typed into the details page's form, read as a one-row register so that a business is matched
    /// (tax code, else exact name) exactly as in an imported file.
    /// </summary>
    public Task<AttendeeFile> ReadLineAsync(string? name, string? organization, string? taxCode, bool civilServant, CancellationToken ct) =>
        ReadAsync(new TabularData("form", 1, Headers,
            [new TabularRow(2, [name ?? "", organization ?? "", taxCode ?? "", civilServant ? "x" : ""], new HashSet<int>())]), ct);

    /// <summary>The register's template (.xlsx): the four bilingual headers and one example line to overwrite.</summary>
    public static byte[] Template()
    {
        ImportColumn[] columns =
        [
            new("name", Headers[0], "Name", false, CellParsers.Text(200), "Nguyễn Văn A"),
            new("organization", Headers[1], "Organization", false, CellParsers.Text(300), "HTX Nông nghiệp Tân An"),
            new("taxCode", Headers[2], "Tax code", false, CellParsers.Text(20), ""),
            new("civilServant", Headers[3], "Civil servant", false, CellParsers.Text(10), "không"),
        ];
        using var output = new MemoryStream();
        ImportTemplate.WriteXlsx(columns, output);
        return output.ToArray();
    }

    public async Task<AttendeeFile> ReadAsync(TabularData data, CancellationToken ct)
    {
        var columns = Names.Select(names => data.Headers.ToList().FindIndex(h => Matches(h, names))).ToArray();
        if (columns[0] < 0)
            return new AttendeeFile([], [], [new Refusal(RefusalKind.Invalid,
                $"The header row has no name column; the columns are: {string.Join(", ", Headers)}.", "file", data.HeaderRowNumber)]);

        var taxCodes = columns[2] < 0 ? [] : data.Rows.Select(r => r[columns[2]].Trim()).Where(t => t.Length > 0).Distinct().ToList();
        var orgNames = columns[1] < 0 ? [] : data.Rows.Select(r => r[columns[1]].Trim()).Where(t => t.Length > 0).Distinct().ToList();
        var businesses = await db.Organizations
            .Where(o => o.Kind == OrganizationKind.Business && ((o.TaxCode != null && taxCodes.Contains(o.TaxCode)) || orgNames.Contains(o.Name)))
            .Select(o => new { o.Id, o.Name, o.TaxCode }).ToListAsync(ct);

        var attendees = new List<AttendeeInput>();
        var rows = new List<int>();
        var refusals = new List<Refusal>();
        foreach (var row in data.Rows)
        {
            var name = row[columns[0]].Trim();
            var organization = columns[1] < 0 ? "" : row[columns[1]].Trim();
            var taxCode = columns[2] < 0 ? "" : row[columns[2]].Trim();
            var civil = columns[3] < 0 ? "" : row[columns[3]].Trim();
            var before = refusals.Count;
            if (name.Length == 0)
                refusals.Add(Broken(row.RowNumber, "The name is empty."));
            else if (name.Length > 200)
                refusals.Add(Broken(row.RowNumber, "The name is longer than 200 characters."));
            Guid? organizationId = null;
            if (taxCode.Length > 0)
            {
                organizationId = businesses.FirstOrDefault(b => b.TaxCode == taxCode)?.Id;
                if (organizationId is null)
                    refusals.Add(Broken(row.RowNumber, $"No registered business has the tax code {taxCode}."));
            }
            else if (organization.Length > 0)
                organizationId = businesses.FirstOrDefault(b => string.Equals(b.Name, organization, StringComparison.OrdinalIgnoreCase))?.Id;
            var civilServant = ReadYesNo(civil);
            if (civilServant is null)
                refusals.Add(Broken(row.RowNumber, $"\"{civil}\" in the civil-servant column is neither yes (có, x) nor no (không, empty)."));
            if (refusals.Count > before)
                continue;
            attendees.Add(new AttendeeInput(name, organizationId, civilServant!.Value, organizationId is null && organization.Length > 0 ? organization : null));
            rows.Add(row.RowNumber);
        }
        return refusals.Count > 0 ? new AttendeeFile([], [], refusals) : new AttendeeFile(attendees, rows, []);
    }

    private static Refusal Broken(int row, string message) => new(RefusalKind.Invalid, message, "file", row);

    private static bool? ReadYesNo(string text) => Fold(text) switch
    {
        "" or "khong" or "0" or "no" or "false" or "n" => false,
        "co" or "x" or "1" or "yes" or "true" or "y" or "c" => true,
        _ => null,
    };

    /// <summary>"Họ và tên / Name" matches "name" and "ho va ten": each part of a bilingual header is tried, without diacritics.</summary>
    private static bool Matches(string header, string[] names) =>
        header.Split('/').Select(Fold).Any(part => names.Contains(part));

    private static string Fold(string text)
    {
        var decomposed = text.Trim().ToLowerInvariant().Replace('đ', 'd').Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
                sb.Append(c);
        return string.Join(' ', sb.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }
}
