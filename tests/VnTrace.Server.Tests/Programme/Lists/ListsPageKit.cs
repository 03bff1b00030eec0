using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.Extensions.DependencyInjection;
using VnTrace.Server.Identity;
using VnTrace.Server.Programme.Agencies;
using VnTrace.Server.Programme.Lists;
using VnTrace.Server.Tests.Infrastructure;

namespace VnTrace.Server.Tests.Programme.Lists;

/// <summary>Signed-in officers of each kind and the data the lists, risk and coverage page tests start from.</summary>
public static class ListsPageKit
{
    public static async Task<(KitOfficer Officer, PageClient Pages)> DostPagesAsync(VnTraceApp app)
    {
        var officer = await app.CreateOfficerAsync();
        return (officer, await app.SignInAsync(officer.User));
    }

    public static async Task<(KitOfficer Officer, PageClient Pages)> DepartmentPagesAsync(VnTraceApp app, params string[] sectors)
    {
        var officer = await app.CreateOfficerAsync(await app.CreateAgencyAsync(AgencyKind.Department, sectors), Roles.DepartmentOfficer);
        return (officer, await app.SignInAsync(officer.User));
    }

    public static async Task<(KitOfficer Officer, PageClient Pages)> CommunePagesAsync(VnTraceApp app, string communeCode)
    {
        var officer = await app.CreateOfficerAsync(await app.CreateAgencyAsync(AgencyKind.Commune, communeCode: communeCode), Roles.CommuneOfficer);
        return (officer, await app.SignInAsync(officer.User));
    }

    /// <summary>Proposes through the service, as <paramref name="scope"/>; fails the test on a refusal.</summary>
    public static async Task<ProductListEntry> ProposeAsync(VnTraceApp app, OfficerScope scope, int year, string group, string list = "priority",
        string sector = "agriculture", string? gtinPrefix = null, Guid? productId = null)
    {
        await using var services = app.Services.CreateAsyncScope();
        var (entry, refusals) = await services.ServiceProvider.GetRequiredService<ProductListService>()
            .ProposeAsync(scope, year, new ListEntryInput(list, group, sector, "Lý do thử", gtinPrefix, productId), TestContext.Current.CancellationToken);
        Assert.True(entry is not null, string.Join("; ", refusals.Select(r => r.Message)));
        return entry!;
    }

    public static async Task<T> WithServiceAsync<TService, T>(VnTraceApp app, Func<TService, Task<T>> use) where TService : notnull
    {
        await using var services = app.Services.CreateAsyncScope();
        return await use(services.ServiceProvider.GetRequiredService<TService>());
    }

    /// <summary>The antiforgery token of a page's first form, for posting another handler of the page.</summary>
    public static async Task<string> TokenAsync(PageClient pages, string path) =>
        PageClient.FindForm(await pages.GetPageAsync(path))?.AntiforgeryToken ?? throw new InvalidOperationException($"{path} has no form");

    /// <summary>The first worksheet's rows as text (shared or inline strings, numbers as written), header first.</summary>
    public static List<string[]> XlsxRows(byte[] content)
    {
        using var document = SpreadsheetDocument.Open(new MemoryStream(content), false);
        var book = document.WorkbookPart!;
        var shared = book.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(s => s.InnerText).ToList() ?? [];
        var first = book.Workbook.Sheets!.Elements<Sheet>().First();
        var sheet = (WorksheetPart)book.GetPartById(first.Id!.Value!);
        return [.. sheet.Worksheet.Descendants<Row>().Select(r => r.Elements<Cell>().Select(c =>
            c.DataType?.Value == CellValues.SharedString ? shared[int.Parse(c.CellValue!.Text, System.Globalization.CultureInfo.InvariantCulture)]
            : c.DataType?.Value == CellValues.InlineString ? c.InlineString?.InnerText ?? ""
            : c.CellValue?.Text ?? "").ToArray())];
    }
}
