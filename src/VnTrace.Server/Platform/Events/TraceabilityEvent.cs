using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using VnTrace.Gs1.Epcis;
using VnTrace.Server.Organizations;

namespace VnTrace.Server.Platform.Events;

/// <summary>
/// A captured EPCIS event: append-only. The complete event is kept in <see cref="Json"/> (see
/// <see cref="VnTrace.Server.Platform.Events.StoredEventFormat"/>), so nothing the capturer sent is lost; the other columns are copies of
/// the fields the query interface filters on.
/// </summary>
public sealed class TraceabilityEvent
{
    /// <summary>Store order; the tie-breaker of keyset paging.</summary>
    public long Id { get; set; }
    /// <summary>The organization whose API key captured the event; it alone reads it through the EPCIS API.</summary>
    public Guid OwnerId { get; set; }
    public Guid CaptureId { get; set; }

    /// <summary>The eventID as sent, or the CBV 2.0 event hash ID when the event had none.</summary>
    public required string EventId { get; set; }
    /// <summary>CBV 2.0 event hash ID of the content, used to tell a repeat from a conflicting re-use of an eventID.</summary>
    public required string ContentHash { get; set; }

    public EpcisEventType EventType { get; set; }
    public DateTime EventTime { get; set; }
    public required string EventTimeZoneOffset { get; set; }
    public DateTime RecordTime { get; set; }
    public EpcisAction? Action { get; set; }
    public string? BizStep { get; set; }
    public string? Disposition { get; set; }
    public string? ReadPoint { get; set; }
    public string? BizLocation { get; set; }
    public bool HasErrorDeclaration { get; set; }

    public required string Json { get; set; }

    public List<EventIdentifier> Identifiers { get; set; } = [];
    public List<EventReference> References { get; set; } = [];
}

/// <summary>What an identifier is to an event, for the MATCH_ query parameters (EPCIS 2.0 §8.2.7.1).</summary>
public enum IdentifierRole : byte
{
    /// <summary>epcList, or childEPCs of an aggregation/association.</summary>
    Epc = 1,
    ParentId = 2,
    InputEpc = 3,
    OutputEpc = 4,
    /// <summary>epcClass of quantityList / childQuantityList.</summary>
    EpcClass = 5,
    InputEpcClass = 6,
    OutputEpcClass = 7,
}

/// <summary>
/// One identifier an event names, in canonical form (GS1 Digital Link at id.gs1.org where the identifier is a GS1
/// key; as sent otherwise), so a query by EPC URN and by Digital Link find the same events.
/// </summary>
public sealed class EventIdentifier
{
    public long TraceabilityEventId { get; set; }
    public IdentifierRole Role { get; set; }
    public required string Value { get; set; }
}

public enum ReferenceKind : byte
{
    BizTransaction = 1,
    Source = 2,
    Destination = 3,
}

/// <summary>A bizTransaction, source or destination of an event; the type in CBV URN form ("" when untyped).</summary>
public sealed class EventReference
{
    public long TraceabilityEventId { get; set; }
    public ReferenceKind Kind { get; set; }
    public required string Type { get; set; }
    public required string Value { get; set; }
}

internal sealed class TraceabilityEventConfiguration : IEntityTypeConfiguration<TraceabilityEvent>
{
    public void Configure(EntityTypeBuilder<TraceabilityEvent> b)
    {
        b.ToTable("events");
        b.Property(e => e.EventId).HasMaxLength(512);
        b.Property(e => e.ContentHash).HasMaxLength(120);
        b.Property(e => e.EventTimeZoneOffset).HasMaxLength(6);
        b.Property(e => e.BizStep).HasMaxLength(512);
        b.Property(e => e.Disposition).HasMaxLength(512);
        b.Property(e => e.ReadPoint).HasMaxLength(512);
        b.Property(e => e.BizLocation).HasMaxLength(512);
        b.HasOne<Organization>().WithMany().HasForeignKey(e => e.OwnerId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(e => e.Identifiers).WithOne().HasForeignKey(i => i.TraceabilityEventId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(e => e.References).WithOne().HasForeignKey(r => r.TraceabilityEventId).OnDelete(DeleteBehavior.Cascade);

        // An eventID identifies one event of its owner: a repeat is idempotent, a different content is refused.
        // Its error declaration (same eventID, EPCIS 2.0 §7.4.1.2) is the one other row allowed.
        b.HasIndex(e => new { e.OwnerId, e.EventId, e.HasErrorDeclaration }).IsUnique();
        // Keyset paging and the time-range parameters.
        b.HasIndex(e => new { e.OwnerId, e.RecordTime, e.Id });
        b.HasIndex(e => new { e.OwnerId, e.EventTime, e.Id });
        b.HasIndex(e => new { e.OwnerId, e.BizLocation, e.EventTime });
        b.HasIndex(e => new { e.OwnerId, e.ReadPoint, e.EventTime });
        b.HasIndex(e => new { e.OwnerId, e.BizStep, e.EventTime });
    }
}

internal sealed class EventIdentifierConfiguration : IEntityTypeConfiguration<EventIdentifier>
{
    public void Configure(EntityTypeBuilder<EventIdentifier> b)
    {
        b.ToTable("event_identifiers");
        // No surrogate key: the natural key leads with the event, so it also serves the foreign key; every index
        // less is less work per captured row.
        b.HasKey(i => new { i.TraceabilityEventId, i.Role, i.Value });
        b.Property(i => i.Value).HasMaxLength(512);
        // Pattern operators on PostgreSQL, so prefix LIKEs (EPC pattern URIs, "the units of this lot": …/10/{lot}/21/%)
        // are index range scans whatever the database collation; equality uses the index as before.
        b.HasIndex(i => new { i.Value, i.Role }).HasOperators("varchar_pattern_ops", "int2_ops");
    }
}

internal sealed class EventReferenceConfiguration : IEntityTypeConfiguration<EventReference>
{
    public void Configure(EntityTypeBuilder<EventReference> b)
    {
        b.ToTable("event_references");
        b.HasKey(r => new { r.TraceabilityEventId, r.Kind, r.Type, r.Value });
        b.Property(r => r.Type).HasMaxLength(512);
        b.Property(r => r.Value).HasMaxLength(512);
        // Value first: the EQ_source_/EQ_destination_/EQ_bizTransaction_ parameters, partner visibility ("events that
        // name my party") and traces that start at a party all look a value up.
        b.HasIndex(r => new { r.Value, r.Kind, r.Type });
    }
}
