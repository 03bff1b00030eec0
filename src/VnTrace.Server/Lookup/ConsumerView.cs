using VnTrace.Gs1.Identifiers;
using VnTrace.Server.Lookup.Publication;

namespace VnTrace.Server.Lookup;

/// <summary>What a code identifies, by its primary key and qualifiers.</summary>
public enum LookupSubject
{
    /// <summary>A GTIN alone: the product.</summary>
    Product,
    /// <summary>GTIN + lot (AI 10).</summary>
    Lot,
    /// <summary>GTIN + serial (AI 21): one unit.</summary>
    Unit,
    /// <summary>A location GLN (AI 414).</summary>
    Location,
    /// <summary>A party GLN (AI 417).</summary>
    Party,
    /// <summary>An SSCC (AI 00): a pallet or case.</summary>
    Container,
    /// <summary>Another GS1 key: parsed, not described here.</summary>
    Other,
}

public sealed record ProducerView(Guid Id, string Name, string? AddressLine, string? Commune, string? Province, string? ContactName,
    string? Phone, string? Email, string? Website, bool OcopParticipant);

public sealed record ProductView(Guid Id, Guid OwnerId, string Gtin, string NameVi, string? NameEn, string? DescriptionVi, string? DescriptionEn,
    Guid? ImageFileId, string? Origin, string? Brand, int? OcopStars, string? Standards, decimal? NetContent, string? NetContentUnit)
{
    public string Name(bool english) => english && !string.IsNullOrWhiteSpace(NameEn) ? NameEn : NameVi;

    public string? Description(bool english) => english && !string.IsNullOrWhiteSpace(DescriptionEn) ? DescriptionEn : DescriptionVi;
}

/// <param name="Recorded">The lot is known to VnTrace (a lot row or events name it).</param>
public sealed record LotView(string LotNumber, DateOnly? ProductionDate, DateOnly? PackingDate, DateOnly? ExpiryDate, bool Recorded);

public sealed record PlaceView(string Gln, string Name, string? Commune, string? Province, double? Latitude, double? Longitude, string? OwnerName = null);

/// <summary>A whitelisted lot fact from an event's ILMD (harvest date, crop, planting-area code…).</summary>
public sealed record JourneyFact(string Name, string Value);

/// <summary>One published event, as a consumer sees it: when, what, where and by whom — never to whom, for how much or how many.</summary>
/// <param name="BizStep">The event's bizStep as captured, for <see cref="VnTrace.Server.Trace.StepNames"/> to word (never shown as such).</param>
public sealed record JourneyStep(DateTimeOffset Time, VnTrace.Gs1.Epcis.EpcisEventType Type, VnTrace.Gs1.Epcis.EpcisAction? Action, string? BizStep,
    string OwnerName, PlaceView? Place, IReadOnlyList<JourneyFact> Facts);

/// <summary>A lot one step away: an input of a processed product, or a lot inside a pallet.</summary>
public sealed record RelatedLot(string Identifier, string Gtin, string? LotNumber, string? ProductNameVi, string? ProductNameEn, string? ProducerName, string? Origin)
{
    public string Name(bool english) =>
        (english && !string.IsNullOrWhiteSpace(ProductNameEn) ? ProductNameEn : ProductNameVi) ?? "GTIN " + Gtin;

    /// <summary>Its consumer page on this resolver (a relative Digital Link).</summary>
    public string Path => Identifier.StartsWith(DigitalLink.CanonicalBase, StringComparison.Ordinal) ? Identifier[DigitalLink.CanonicalBase.Length..] : Identifier;
}

/// <summary>
/// Everything the consumer page and the linkset may show about one code, already filtered by what each business
/// published: nothing else leaves <see cref="ConsumerLookup"/>.
/// </summary>
public sealed class ConsumerView
{
    public required DigitalLink Link { get; init; }
    public required string Canonical { get; init; }
    public required LookupSubject Subject { get; init; }

    /// <summary>The item is on VnTrace: a product, lot, place or party of an approved business, or events that name it.</summary>
    public bool Known { get; set; }

    public string? Gtin { get; set; }
    public string? LotNumber { get; set; }
    public string? Serial { get; set; }
    /// <summary>For a unit: the serial was issued on a label, or events name it.</summary>
    public bool SerialKnown { get; set; }

    public ProductView? Product { get; set; }
    public ProducerView? Producer { get; set; }
    public LotView? Lot { get; set; }
    public PlaceView? Place { get; set; }
    /// <summary>What the product's (or place's) business chose to publish.</summary>
    public PublicationChoice Publication { get; set; } = PublicationPolicy.Defaults(VnTrace.Server.Organizations.BusinessForm.Company);

    public List<PublicCertificate> Certificates { get; } = [];
    public List<JourneyStep> Journey { get; } = [];
    public bool JourneyTruncated { get; set; }
    public List<PlaceView> MapPlaces { get; } = [];
    public List<RelatedLot> Inputs { get; } = [];
    public List<RelatedLot> Contents { get; } = [];
    public bool Recalled { get; set; }
    /// <summary>
    /// The code's business is suspended by the authority: the page neither vouches for the code nor shows its data,
    /// and says so in neutral words (a suspension is not a finding that the goods are fake).
    /// </summary>
    public bool Suspended { get; set; }

    /// <summary>The canonical identifiers this answer was built from: a change to any of them evicts it from the cache.</summary>
    public HashSet<string> Identifiers { get; } = new(StringComparer.Ordinal);
    /// <summary>The businesses whose publication choices shaped this answer.</summary>
    public HashSet<Guid> Organizations { get; } = [];

    /// <summary>The lot's canonical identifier, for a lot or a unit whose lot is known.</summary>
    public string? LotIdentifier { get; set; }
}
