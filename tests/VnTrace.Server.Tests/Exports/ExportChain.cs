using System.Globalization;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using VnTrace.Gs1.Identifiers;
using VnTrace.Server.Organizations;
using VnTrace.Server.Platform.Data;
using VnTrace.Server.Tests.Infrastructure;
using static VnTrace.Server.Tests.Infrastructure.EpcisHttp;

namespace VnTrace.Server.Tests.Exports;

/// <summary>
/// A small chain captured through the API, with its own GTINs, lots, party GLNs and eventIDs, so each test owns its
/// data even where the authority sees the whole store: farm A harvests lots A and A2 of one product and ships lot A
/// to processor P, which blends it into lot P and ships that to retailer R; an unrelated business C harvests a lot
/// of farm A's product too and claims in its own events to have made lot P from its lot X.
/// </summary>
public sealed class ExportChain
{
    public required string Suffix { get; init; }
    public required Party FarmA { get; init; }
    public required Party Processor { get; init; }
    public required Party Retailer { get; init; }
    public required Party Unrelated { get; init; }
    public required Party Authority { get; init; }

    public required string GtinA { get; init; }
    public required string GtinP { get; init; }
    public required string GtinX { get; init; }
    public string LotCodeA => "XOAI-" + Suffix;
    public string LotA => $"https://id.gs1.org/01/{GtinA}/10/{LotCodeA}";
    public string LotA2 => $"https://id.gs1.org/01/{GtinA}/10/XOAI2-{Suffix}";
    public string LotC => $"https://id.gs1.org/01/{GtinA}/10/C-{Suffix}";
    public string LotP => $"https://id.gs1.org/01/{GtinP}/10/BLEND-{Suffix}";
    public string LotX => $"https://id.gs1.org/01/{GtinX}/10/X-{Suffix}";

    /// <summary>The eventID of one of the chain's events ("harvest-a", "ship-a", "receive-a", "blend", "ship-p", "receive-p"…).</summary>
    public string EventId(string name) => $"urn:vntrace:test:{Suffix}:{name}";

    public const string Certificate = "https://vietgap.example.vn/certificates/VG-2026-001";

    public sealed record Party(string Name, string Gln, Guid OrganizationId, HttpClient Client)
    {
        public string Id => $"https://id.gs1.org/417/{Gln}";
        public string Place => $"https://id.gs1.org/414/{Gln}";
    }

    private static int chains = Random.Shared.Next(1000, 9000);

    public static async Task<ExportChain> CaptureAsync(VnTraceApp app)
    {
        // 893607 + a block of four digits per chain keeps GLNs (unique in the store) and GTINs apart from other tests.
        var suffix = Interlocked.Increment(ref chains).ToString("0000", CultureInfo.InvariantCulture);
        var chain = new ExportChain
        {
            Suffix = suffix,
            FarmA = await PartyAsync(app, "HTX Xoài Cát Hòa Lộc " + suffix, Gln(suffix, "01"), OrganizationKind.Business),
            Processor = await PartyAsync(app, "Công ty Chế biến Đồng Tháp " + suffix, Gln(suffix, "03"), OrganizationKind.Business),
            Retailer = await PartyAsync(app, "Siêu thị Sài Gòn, chi nhánh \"Quận 1\" " + suffix, Gln(suffix, "04"), OrganizationKind.Business),
            Unrelated = await PartyAsync(app, "Unrelated " + suffix, Gln(suffix, "05"), OrganizationKind.Business),
            Authority = await PartyAsync(app, "Sở KH&CN " + suffix, Gln(suffix, "06"), OrganizationKind.Authority),
            GtinA = Gtin(suffix, "1"),
            GtinP = Gtin(suffix, "2"),
            GtinX = Gtin(suffix, "3"),
        };
        var (a, p, r, c) = (chain.FarmA, chain.Processor, chain.Retailer, chain.Unrelated);
        await Capture(a,
            chain.Event("harvest-a", "ObjectEvent", "2026-09-01T07:00:00+07:00", "ADD", "commissioning", null, a.Place,
                $$""" "quantityList": [ {{Quantity(chain.LotA, 1000)}} ], "certificationInfo": "{{Certificate}}", "ilmd": { "cbvmda:itemExpirationDate": "2026-12-31" } """),
            chain.Event("harvest-a2", "ObjectEvent", "2026-09-01T09:00:00+07:00", "ADD", "commissioning", null, a.Place,
                $$""" "quantityList": [ {{Quantity(chain.LotA2, 250)}} ] """),
            chain.Event("ship-a", "ObjectEvent", "2026-09-02T07:00:00+07:00", "OBSERVE", "shipping", "in_transit", a.Place,
                $$""" "quantityList": [ {{Quantity(chain.LotA, 1000)}} ], {{Parties(a, p)}}, "bizTransactionList": [ { "type": "po", "bizTransaction": "https://vntrace.vn/test/po/PO-77" }, { "type": "desadv", "bizTransaction": "https://vntrace.vn/test/desadv/DA-1" } ] """));
        await Capture(p,
            chain.Event("receive-a", "ObjectEvent", "2026-09-03T07:00:00+07:00", "OBSERVE", "receiving", "in_progress", p.Place,
                $$""" "quantityList": [ {{Quantity(chain.LotA, 990)}} ], {{Parties(a, p)}} """),
            chain.Event("blend", "TransformationEvent", "2026-09-04T07:00:00+07:00", null, "commissioning", null, p.Place,
                $$""" "inputQuantityList": [ {{Quantity(chain.LotA, 990)}} ], "outputQuantityList": [ {{Quantity(chain.LotP, 900)}} ] """),
            chain.Event("ship-p", "ObjectEvent", "2026-09-05T07:00:00+07:00", "OBSERVE", "shipping", "in_transit", p.Place,
                $$""" "quantityList": [ {{Quantity(chain.LotP, 900)}} ], {{Parties(p, r)}} """));
        await Capture(r,
            chain.Event("receive-p", "ObjectEvent", "2026-09-06T07:00:00+07:00", "OBSERVE", "receiving", "in_progress", r.Place,
                $$""" "quantityList": [ {{Quantity(chain.LotP, 900)}} ], {{Parties(p, r)}} """));
        await Capture(c,
            chain.Event("harvest-c", "ObjectEvent", "2026-09-01T08:00:00+07:00", "ADD", "commissioning", null, c.Place,
                $$""" "quantityList": [ {{Quantity(chain.LotC, 10)}}, {{Quantity(chain.LotX, 10)}} ] """),
            chain.Event("claim", "TransformationEvent", "2026-09-04T09:00:00+07:00", null, "commissioning", null, c.Place,
                $$""" "inputQuantityList": [ {{Quantity(chain.LotX, 10)}} ], "outputQuantityList": [ {{Quantity(chain.LotP, 10)}} ] """));
        return chain;
    }

    private string Event(string name, string type, string time, string? action, string bizStep, string? disposition, string place, string fields) => $$"""
        { "type": "{{type}}", "eventID": "{{EventId(name)}}", "eventTime": "{{time}}", "eventTimeZoneOffset": "+07:00",
          {{(action is null ? "" : $"\"action\": \"{action}\",")}}
          "bizStep": "{{bizStep}}", {{(disposition is null ? "" : $"\"disposition\": \"{disposition}\",")}}
          "bizLocation": { "id": "{{place}}" }, {{fields}} }
        """;

    private static string Quantity(string lot, decimal quantity) =>
        $$"""{ "epcClass": "{{lot}}", "quantity": {{quantity.ToString(CultureInfo.InvariantCulture)}}, "uom": "KGM" }""";

    private static string Parties(Party from, Party to) =>
        $$""" "sourceList": [ { "type": "owning_party", "source": "{{from.Id}}" } ], "destinationList": [ { "type": "owning_party", "destination": "{{to.Id}}" } ] """;

    private static string Gln(string suffix, string party)
    {
        var digits = "893607" + suffix + party;
        return digits + Gs1CheckDigit.ComputeChar(digits);
    }

    private static string Gtin(string suffix, string item)
    {
        var digits = "0893607" + suffix + "0" + item;
        return digits + Gs1CheckDigit.ComputeChar(digits);
    }

    private static async Task<Party> PartyAsync(VnTraceApp app, string name, string gln, OrganizationKind kind)
    {
        var (organizationId, client) = await app.CreateOrganizationClientAsync(name);
        return await app.WithDbAsync(async db =>
        {
            var organization = await db.Organizations.FindAsync(organizationId);
            organization!.Gln = gln;
            organization.Kind = kind;
            db.Update(organization); // the context reads without tracking by default
            await db.SaveChangesAsync();
            return new Party(name, gln, organizationId, client);
        });
    }

    private static async Task Capture(Party party, params string[] events)
    {
        var response = await party.Client.PostJsonLd("/capture", Document(events));
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync());
    }
}
