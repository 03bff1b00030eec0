using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using VnTrace.Gs1.Identifiers;
using VnTrace.Server.Locations;
using VnTrace.Server.Lots;
using VnTrace.Server.Platform.Data;
using VnTrace.Server.Products;
using VnTrace.Server.Identity;
using VnTrace.Server.Tests.Infrastructure;

namespace VnTrace.Server.Tests.Lots;

/// <summary>
/// A business for the lot tests: an approved organization (with a party GLN unless asked otherwise), one product sold
/// by the kilogram, a farm with a planting-area code and a warehouse, inserted straight into the database, and its
/// owner signed in.
/// </summary>
public sealed record LotsTestBusiness(VnTraceApp App, Guid OrganizationId, string Name, string? Gln, Guid ProductId, string Gtin,
    Guid FarmId, string FarmGln, Guid WarehouseId, string WarehouseGln, PageClient Pages) : IDisposable
{
    public static async Task<LotsTestBusiness> CreateAsync(VnTraceApp app, string name, bool withGln = true, string unit = "kg")
    {
        var uniqueName = $"{name} {Guid.NewGuid().ToString("N")[..6]}";
        var gln = withGln ? NewGln() : null;
        var user = await app.CreateBusinessUserAsync(uniqueName, gln: gln);
        var organizationId = user.OrganizationId!.Value;
        var product = new Product { OrganizationId = organizationId, Gtin = NewGtin(), NameVi = "Cà phê nhân " + uniqueName, Unit = unit };
        var farm = new Location { OrganizationId = organizationId, Kind = LocationKind.PlantingArea, Name = "Vùng trồng Ea Tu", Gln = NewGln(), PlantingAreaCode = "VN-DLK-0612-001" };
        var warehouse = new Location { OrganizationId = organizationId, Kind = LocationKind.Warehouse, Name = "Kho Buôn Ma Thuột", Gln = NewGln() };
        await app.WithDbAsync(async db =>
        {
            db.Products.Add(product);
            db.Locations.AddRange(farm, warehouse);
            await db.SaveChangesAsync();
        });
        var pages = await app.SignInAsync(user);
        return new LotsTestBusiness(app, organizationId, uniqueName, gln, product.Id, product.Gtin, farm.Id, farm.Gln, warehouse.Id, warehouse.Gln, pages);
    }

    /// <summary>A GS1 Vietnam GLN with a random location reference and its check digit.</summary>
    public static string NewGln()
    {
        var digits = "893" + Random.Shared.NextInt64(0, 1_000_000_000).ToString("D9", CultureInfo.InvariantCulture);
        return digits + Gs1CheckDigit.ComputeChar(digits);
    }

    /// <summary>A GTIN-13 of GS1 Vietnam as a GTIN-14 (leading zero).</summary>
    public static string NewGtin()
    {
        var digits = "0893" + Random.Shared.NextInt64(0, 1_000_000_000).ToString("D9", CultureInfo.InvariantCulture);
        return digits + Gs1CheckDigit.ComputeChar(digits);
    }

    /// <summary>A Vietnam wall-clock time some hours ago, as a datetime-local input sends it.</summary>
    public static string HoursAgo(double hours) =>
        DateTime.UtcNow.AddHours(7 - hours).ToString("yyyy-MM-dd'T'HH':'mm", CultureInfo.InvariantCulture);

    /// <summary>Creates a lot through the page; returns its id.</summary>
    public async Task<Guid> CreateLotAsync(string lotNumber, Guid? productId = null)
    {
        var response = await Pages.SubmitFormAsync("/workspace/lots/create", new Dictionary<string, string>
        {
            ["Form.ProductId"] = (productId ?? ProductId).ToString(),
            ["Form.LotNumber"] = lotNumber,
            ["Form.LocationId"] = FarmId.ToString(),
        });
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"create lot: {(int)response.StatusCode} {body}");
        return Guid.Parse(response.Headers.Location!.ToString().Split('/')[^1]);
    }

    /// <summary>Posts one diary form; the response (302 to the lot page when it was recorded).</summary>
    public Task<HttpResponseMessage> RecordAsync(Guid lotId, string kind, Dictionary<string, string> fields) =>
        Pages.SubmitFormAsync($"/workspace/lots/{lotId}/diary/{kind}", fields);

    public async Task RecordOkAsync(Guid lotId, string kind, Dictionary<string, string> fields)
    {
        var response = await RecordAsync(lotId, kind, fields);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{kind}: {(int)response.StatusCode} {ErrorsOf(body)}");
        Assert.Equal($"/workspace/lots/{lotId}", response.Headers.Location?.ToString());
    }

    /// <summary>An HTTP client with an API key of this business, for GET /events.</summary>
    public async Task<HttpClient> ApiClientAsync()
    {
        await using var scope = App.Services.CreateAsyncScope();
        var key = await scope.ServiceProvider.GetRequiredService<ApiKeyService>().CreateAsync(OrganizationId, "test");
        var client = App.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return client;
    }

    /// <summary>The business's events as GET /events gives them (record order).</summary>
    public async Task<JsonArray> EventsAsync(string query = "")
    {
        using var api = await ApiClientAsync();
        return await (await api.GetAsync("/events?perPage=200" + query)).ReadEvents();
    }

    public Task<Lot?> LotAsync(Guid id) => App.WithDbAsync(db => db.Lots.FirstOrDefaultAsync(l => l.Id == id));

    public Task<int> EventCountAsync() => App.WithDbAsync(db => db.Events.CountAsync(e => e.OwnerId == OrganizationId));

    /// <summary>The validation messages of a page, for assertion messages.</summary>
    public static string ErrorsOf(string html) =>
        string.Join(" | ", System.Text.RegularExpressions.Regex.Matches(html, "(field-validation-error|alert-danger|alert-warning)[^>]*>(?<m>[^<]*(<li>[^<]*</li>)*[^<]*)")
            .Select(m => m.Groups["m"].Value.Trim()).Where(m => m.Length > 0));

    public void Dispose() => Pages.Dispose();
}
