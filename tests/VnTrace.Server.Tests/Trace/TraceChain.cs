using System.Net;
using Microsoft.Extensions.DependencyInjection;
using VnTrace.Server.Organizations;
using VnTrace.Server.Platform.Data;
using VnTrace.Server.Tests.Infrastructure;
using static VnTrace.Server.Tests.Infrastructure.EpcisHttp;

namespace VnTrace.Server.Tests.Trace;

/// <summary>
/// A small supply chain captured through the API by five organizations, each with its own key and party GLN:
/// farms A and B harvest lots and ship them to processor P, which blends them into lot LP and ships it to retailer R;
/// an unrelated business C claims in its own events to have made LP from its lot LX (nobody shared that with P).
/// </summary>
public sealed class TraceChain
{
    // Lots are numbered per chain, so chains captured into one store by several tests never meet.
    public required string LotA { get; init; }
    public required string LotB { get; init; }
    public required string LotP { get; init; }
    public required string LotX { get; init; }
    public required string Run { get; init; }

    public required Party FarmA { get; init; }
    public required Party FarmB { get; init; }
    public required Party Processor { get; init; }
    public required Party Retailer { get; init; }
    public required Party Unrelated { get; init; }
    public required Party Authority { get; init; }

    private static int chains = Random.Shared.Next(1000, 8000);

    public sealed record Party(string Gln, HttpClient Client, Guid OrganizationId)
    {
        public string Id => $"https://id.gs1.org/417/{Gln}";
    }

    public static async Task<TraceChain> CaptureAsync(VnTraceApp app)
    {
        // Party GLNs must be unique in the store: every chain takes the next block of numbers.
        var suffix = Interlocked.Increment(ref chains).ToString("0000", System.Globalization.CultureInfo.InvariantCulture);
        var chain = new TraceChain
        {
            Run = suffix,
            LotA = $"https://id.gs1.org/01/08936012000108/10/FA-{suffix}",
            LotB = $"https://id.gs1.org/01/08936013000107/10/FB-{suffix}",
            LotP = $"https://id.gs1.org/01/08936014000106/10/BLEND-{suffix}",
            LotX = $"https://id.gs1.org/01/08936015000105/10/CX-{suffix}",
            FarmA = await PartyAsync(app, "893601" + suffix[..4] + "01", OrganizationKind.Business),
            FarmB = await PartyAsync(app, "893601" + suffix[..4] + "02", OrganizationKind.Business),
            Processor = await PartyAsync(app, "893601" + suffix[..4] + "03", OrganizationKind.Business),
            Retailer = await PartyAsync(app, "893601" + suffix[..4] + "04", OrganizationKind.Business),
            Unrelated = await PartyAsync(app, "893601" + suffix[..4] + "05", OrganizationKind.Business),
            Authority = await PartyAsync(app, "893601" + suffix[..4] + "06", OrganizationKind.Authority),
        };
        await Capture(chain.FarmA, Harvest(chain.LotA, "2026-09-01T07:00:00+07:00"), Ship(chain.LotA, chain.FarmA, chain.Processor, "2026-09-02T07:00:00+07:00"));
        await Capture(chain.FarmB, Harvest(chain.LotB, "2026-09-01T08:00:00+07:00"), Ship(chain.LotB, chain.FarmB, chain.Processor, "2026-09-02T08:00:00+07:00"));
        await Capture(chain.Processor,
            Receive(chain.LotA, chain.FarmA, chain.Processor, "2026-09-03T07:00:00+07:00"),
            Receive(chain.LotB, chain.FarmB, chain.Processor, "2026-09-03T08:00:00+07:00"),
            Transform([chain.LotA, chain.LotB], chain.LotP, "2026-09-04T07:00:00+07:00"),
            Ship(chain.LotP, chain.Processor, chain.Retailer, "2026-09-05T07:00:00+07:00"));
        await Capture(chain.Retailer, Receive(chain.LotP, chain.Processor, chain.Retailer, "2026-09-06T07:00:00+07:00"));
        await Capture(chain.Unrelated, Harvest(chain.LotX, "2026-09-01T09:00:00+07:00"), Transform([chain.LotX], chain.LotP, "2026-09-04T09:00:00+07:00"));
        return chain;
    }

    private static async Task<Party> PartyAsync(VnTraceApp app, string glnWithoutCheckDigit, OrganizationKind kind)
    {
        var gln = glnWithoutCheckDigit + Gs1.Identifiers.Gs1CheckDigit.ComputeChar(glnWithoutCheckDigit);
        var (organizationId, client) = await app.CreateOrganizationClientAsync("trace-" + gln);
        return await app.WithDbAsync(async db =>
        {
            var organization = await db.Organizations.FindAsync(organizationId);
            organization!.Gln = gln;
            organization.Kind = kind;
            db.Update(organization);
            await db.SaveChangesAsync();
            return new Party(gln, client, organizationId);
        });
    }

    private static async Task Capture(Party party, params string[] events)
    {
        var response = await party.Client.PostJsonLd("/capture", Document(events));
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync());
    }

    private static string Harvest(string lot, string time) => $$"""
        { "type": "ObjectEvent", "eventTime": "{{time}}", "eventTimeZoneOffset": "+07:00", "action": "ADD",
          "bizStep": "commissioning", "quantityList": [ { "epcClass": "{{lot}}", "quantity": 1000, "uom": "KGM" } ] }
        """;

    private static string Ship(string lot, Party from, Party to, string time) => $$"""
        { "type": "ObjectEvent", "eventTime": "{{time}}", "eventTimeZoneOffset": "+07:00", "action": "OBSERVE",
          "bizStep": "shipping", "disposition": "in_transit",
          "quantityList": [ { "epcClass": "{{lot}}", "quantity": 1000, "uom": "KGM" } ],
          "sourceList": [ { "type": "owning_party", "source": "{{from.Id}}" } ],
          "destinationList": [ { "type": "owning_party", "destination": "{{to.Id}}" } ] }
        """;

    private static string Receive(string lot, Party from, Party to, string time) => $$"""
        { "type": "ObjectEvent", "eventTime": "{{time}}", "eventTimeZoneOffset": "+07:00", "action": "OBSERVE",
          "bizStep": "receiving", "disposition": "in_progress",
          "quantityList": [ { "epcClass": "{{lot}}", "quantity": 1000, "uom": "KGM" } ],
          "sourceList": [ { "type": "owning_party", "source": "{{from.Id}}" } ],
          "destinationList": [ { "type": "owning_party", "destination": "{{to.Id}}" } ] }
        """;

    private static string Transform(string[] inputs, string output, string time) => $$"""
        { "type": "TransformationEvent", "eventTime": "{{time}}", "eventTimeZoneOffset": "+07:00",
          "bizStep": "commissioning",
          "inputQuantityList": [ {{string.Join(",", inputs.Select(i => $$"""{ "epcClass": "{{i}}", "quantity": 500, "uom": "KGM" }"""))}} ],
          "outputQuantityList": [ { "epcClass": "{{output}}", "quantity": 900, "uom": "KGM" } ] }
        """;
}
