using System.Net.Http.Headers;
using Microsoft.Extensions.DependencyInjection;
using VnTrace.Gs1.Identifiers;
using VnTrace.Server.Certificates;
using VnTrace.Server.Locations;
using VnTrace.Server.Lots;
using VnTrace.Server.Platform.Data;
using VnTrace.Server.Platform.Text;
using VnTrace.Server.Products;
using VnTrace.Server.Tests.Infrastructure;

namespace VnTrace.Server.Tests.Certificates;

/// <summary>
/// Rows the certificate and dashboard tests need, written straight through the DbContext (products, locations and
/// lots have their own pages and tests), and multipart posts for the upload forms.
/// </summary>
internal static class CertificateTestData
{
    /// <summary>A minimal PDF that PDF readers open (one empty page).</summary>
    public static readonly byte[] Pdf = System.Text.Encoding.ASCII.GetBytes(
        "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n" +
        "3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n");

    /// <summary>A 1×1 PNG.</summary>
    public static readonly byte[] Png = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

    /// <summary>The start of a Windows executable ("MZ" header), to be sent under a .pdf name.</summary>
    public static readonly byte[] Exe = [0x4D, 0x5A, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00, 0x00, 0x00, 0xFF, 0xFF, 0x00, 0x00];

    public static DateOnly Today => VietnamTime.Today(TimeProvider.System);

    public static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private static string Digits(int n) => string.Concat(Enumerable.Range(0, n).Select(_ => (char)('0' + Random.Shared.Next(10))));

    public static string NewGtin()
    {
        var body = "0893" + Digits(9);
        return body + Gs1CheckDigit.ComputeChar(body);
    }

    public static string NewGln()
    {
        var body = "893" + Digits(9);
        return body + Gs1CheckDigit.ComputeChar(body);
    }

    public static Task<Guid> AddProductAsync(this VnTraceApp app, Guid organizationId, string name, bool archived = false) =>
        app.WithDbAsync(async db =>
        {
            var product = new Product { OrganizationId = organizationId, Gtin = NewGtin(), NameVi = name, Unit = "kg", Archived = archived };
            db.Products.Add(product);
            await db.SaveChangesAsync();
            return product.Id;
        });

    public static Task<Location> AddLocationAsync(this VnTraceApp app, Guid organizationId, string name, Guid? parentId = null,
        LocationKind kind = LocationKind.Farm) =>
        app.WithDbAsync(async db =>
        {
            var location = new Location { OrganizationId = organizationId, Name = name, Gln = NewGln(), ParentId = parentId, Kind = kind };
            db.Locations.Add(location);
            await db.SaveChangesAsync();
            return location;
        });

    public static Task<Lot> AddLotAsync(this VnTraceApp app, Guid organizationId, Guid? productId, Guid? locationId,
        LotStatus status = LotStatus.InProgress, string? lotNumber = null) =>
        app.WithDbAsync(async db =>
        {
            var gtin = productId is { } p ? (await db.Products.FindAsync(p))!.Gtin : NewGtin();
            var lot = new Lot
            {
                OrganizationId = organizationId,
                Gtin = gtin,
                LotNumber = lotNumber ?? "L" + Digits(8),
                ProductId = productId,
                LocationId = locationId,
                Status = status,
            };
            db.Lots.Add(lot);
            await db.SaveChangesAsync();
            return lot;
        });

    public static Task<Guid> AddCertificateAsync(this VnTraceApp app, Guid organizationId, string number, DateOnly validFrom, DateOnly? validTo,
        CertificateKind kind = CertificateKind.VietGap, IEnumerable<Guid>? products = null, IEnumerable<Guid>? locations = null, bool archived = false) =>
        app.WithDbAsync(async db =>
        {
            var certificate = new Certificate
            {
                OrganizationId = organizationId,
                Kind = kind,
                Number = number,
                Issuer = "Trung tâm Chứng nhận Phù hợp (QUACERT)",
                ValidFrom = validFrom,
                ValidTo = validTo,
                Archived = archived,
            };
            db.Certificates.Add(certificate);
            foreach (var p in products ?? [])
                db.CertificateProducts.Add(new CertificateProduct { CertificateId = certificate.Id, ProductId = p });
            foreach (var l in locations ?? [])
                db.CertificateLocations.Add(new CertificateLocation { CertificateId = certificate.Id, LocationId = l });
            await db.SaveChangesAsync();
            return certificate.Id;
        });

    /// <summary>A file upload for <see cref="PostMultipartAsync"/>.</summary>
    public sealed record Upload(string FileName, byte[] Content, string ContentType);

    /// <summary>
    /// Submits the upload form on <paramref name="pagePath"/> as a browser does: multipart, with the page's antiforgery
    /// token, the fields (repeated names allowed) and the file.
    /// </summary>
    public static async Task<HttpResponseMessage> PostMultipartAsync(this PageClient pages, string pagePath,
        IEnumerable<KeyValuePair<string, string>> fields, Upload? file = null)
    {
        var html = await pages.GetPageAsync(pagePath);
        var token = PageClient.FindForm(html)?.AntiforgeryToken
            ?? throw new InvalidOperationException($"GET {pagePath}: no form with an antiforgery token.");
        using var content = new MultipartFormDataContent
        {
            { new StringContent(token), PageClient.AntiforgeryField },
        };
        foreach (var (name, value) in fields)
            content.Add(new StringContent(value), name);
        if (file is not null)
        {
            var part = new ByteArrayContent(file.Content);
            part.Headers.ContentType = new MediaTypeHeaderValue(file.ContentType);
            content.Add(part, "Form.File", file.FileName);
        }
        return await pages.Http.PostAsync(new Uri(PageClient.BaseAddress, pagePath), content);
    }

    /// <summary>The form fields of a certificate, with the scope as repeated fields.</summary>
    public static List<KeyValuePair<string, string>> Fields(string number, DateOnly from, DateOnly? to, CertificateKind kind = CertificateKind.VietGap,
        IEnumerable<Guid>? products = null, IEnumerable<Guid>? locations = null, string issuer = "Trung tâm Kiểm nghiệm Đắk Lắk",
        string? otherKindName = null, int? ocopStars = null)
    {
        var fields = new List<KeyValuePair<string, string>>
        {
            new("Form.Kind", kind.ToString()),
            new("Form.Number", number),
            new("Form.Issuer", issuer),
            new("Form.ValidFrom", Iso(from)),
            new("Form.ValidTo", to is { } t ? Iso(t) : ""),
            new("Form.ScopeNote", "Cà phê nhân Robusta"),
        };
        if (otherKindName is not null)
            fields.Add(new("Form.OtherKindName", otherKindName));
        if (ocopStars is { } s)
            fields.Add(new("Form.OcopStars", s.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        fields.AddRange((products ?? []).Select(p => new KeyValuePair<string, string>("Form.ProductIds", p.ToString())));
        fields.AddRange((locations ?? []).Select(l => new KeyValuePair<string, string>("Form.LocationIds", l.ToString())));
        return fields;
    }
}
