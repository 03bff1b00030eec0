using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using VnTrace.Gs1.Identifiers;
using VnTrace.Server.Platform.Data;
using VnTrace.Server.Products;
using VnTrace.Server.Identity;
using VnTrace.Server.Tests.Infrastructure;

namespace VnTrace.Server.Tests.Products;

/// <summary>A business of a test: its owner, its id and the company prefix it allocates from (null: none yet).</summary>
public sealed record TestBusiness(TestUser Owner, Guid Id, string Name, string? Prefix);

/// <summary>Data each product or import test makes for itself.</summary>
public static class ProductTestData
{
    /// <summary>A valid GTIN-13 under a random 893 prefix, unlikely to meet another test's.</summary>
    public static string NewGtin13()
    {
        var body = "894" + Random.Shared.NextInt64(0, 1_000_000_000).ToString("D9", CultureInfo.InvariantCulture);
        return body + Gs1CheckDigit.ComputeChar(body);
    }

    /// <summary>A GTIN-13 with its check digit changed, and the right digit.</summary>
    public static (string Bad, char Expected) WithBadCheckDigit(string gtin)
    {
        var expected = gtin[^1];
        var wrong = (char)('0' + (expected - '0' + 3) % 10);
        return (gtin[..^1] + wrong, expected);
    }

    /// <summary>An approved business with an owner, and with an allocated company prefix when asked.</summary>
    public static async Task<TestBusiness> NewBusinessAsync(this VnTraceApp app, string name, bool withPrefix = false)
    {
        var owner = await app.CreateBusinessUserAsync(name);
        string? prefix = null;
        if (withPrefix)
        {
            // 893 + 6 digits: a 9-digit company prefix, room for 1000 items.
            prefix = "893" + Random.Shared.Next(0, 1_000_000).ToString("D6", CultureInfo.InvariantCulture);
            await app.WithDbAsync(db => db.Organizations.Where(o => o.Id == owner.OrganizationId)
                .ExecuteUpdateAsync(s => s.SetProperty(o => o.AllocatedCompanyPrefix, prefix)));
        }
        return new TestBusiness(owner, owner.OrganizationId!.Value, name, prefix);
    }

    /// <summary>The form fields of a product with a typed GTIN.</summary>
    public static Dictionary<string, string> Form(string nameVi, string? gtin, bool allocate = false) => new()
    {
        ["Form.Gtin"] = gtin ?? "",
        ["Form.AllocateGtin"] = allocate ? "true" : "false",
        ["Form.NameVi"] = nameVi,
        ["Form.NameEn"] = "Product " + nameVi,
        ["Form.Category"] = "Cà phê",
        ["Form.Unit"] = "gói",
        ["Form.NetContent"] = "0,5",
        ["Form.NetContentUnit"] = "kg",
        ["Form.ShelfLifeDays"] = "365",
        ["Form.OcopStars"] = "4",
        ["Form.Origin"] = "Việt Nam",
        ["Form.Standards"] = "TCVN 4193:2014",
        ["Form.RiskLevel"] = "Low",
    };

    /// <summary>Declares a product through the form; returns its id (from the redirect to its page).</summary>
    public static async Task<Guid> CreateProductAsync(this PageClient pages, Dictionary<string, string> fields)
    {
        using var response = await pages.SubmitFormAsync("/workspace/products/new", fields);
        if (response.StatusCode != HttpStatusCode.Redirect)
            throw new InvalidOperationException($"Creating a product failed: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return Guid.Parse(response.Headers.Location!.ToString().Split('/')[^1]);
    }

    /// <summary>Products stored directly, for list tests that need many.</summary>
    public static Task AddProductsAsync(this VnTraceApp app, Guid organizationId, IEnumerable<Product> products) =>
        app.WithDbAsync(async db =>
        {
            foreach (var p in products)
            {
                p.OrganizationId = organizationId;
                db.Products.Add(p);
            }
            await db.SaveChangesAsync();
        });

    /// <summary>A tiny valid PNG (1×1 pixel).</summary>
    public static readonly byte[] Png = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

    public static string Role(bool staff) => staff ? Roles.BusinessStaff : Roles.BusinessOwner;
}
