using VnTrace.Gs1.Epcis;
using VnTrace.Server.Exports;

namespace VnTrace.Server.Programme.Coverage;

/// <summary>
/// The steps of a group's process a lot must show to count as traced (Decree 37/2026 Art. 22: key data elements at
/// every key tracking event). Steps are named by the critical tracking events the exports use
/// (<see cref="CriticalTrackingEvents.NameOf"/>), so "shipped" means the same in coverage and in the 24-hour export.
/// </summary>
public static class TraceSteps
{
    /// <summary>Commissioning or harvesting the lot, or the transformation that made it.</summary>
    public const string Creation = "creation";
    /// <summary>A transformation (processing) or packing naming the lot.</summary>
    public const string TransformOrPack = "transform_or_pack";
    /// <summary>Shipping the lot, or a container packed with it.</summary>
    public const string Shipping = "shipping";
    public const string Receiving = "receiving";

    public static readonly string[] All = [Creation, TransformOrPack, Shipping, Receiving];

    /// <summary>What every group requires unless its list entry names its own process.</summary>
    public static readonly string[] Default = [Creation, TransformOrPack, Shipping];

    public static bool IsKnown(string? step) => step is not null && All.Contains(step);

    /// <summary>The steps an event shows for a lot it names as <paramref name="asOutput"/> or not.</summary>
    public static IEnumerable<string> Of(EpcisEvent e, bool asOutput)
    {
        var cte = CriticalTrackingEvents.NameOf(e);
        if (cte == "Harvesting/Creation" || (e.Type == EpcisEventType.TransformationEvent && asOutput))
            yield return Creation;
        if (cte is "Transformation" or "Packing")
            yield return TransformOrPack;
        if (cte is "Shipping" or "Shipping (departing)")
            yield return Shipping;
        if (cte is "Receiving" or "Receiving (arriving)")
            yield return Receiving;
    }
}
