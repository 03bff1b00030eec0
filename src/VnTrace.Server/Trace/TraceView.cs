using System.Globalization;
using Microsoft.Extensions.Localization;
using VnTrace.Gs1.Epcis;
using VnTrace.Gs1.Genealogy;
using VnTrace.Server.Lots;
using VnTrace.Server.Platform.Data;

namespace VnTrace.Server.Trace;

/// <summary>
/// A trace ready for a page: the graph, its drawing (null when too large) and the names of its nodes — every node
/// named (<see cref="TraceNames"/>), so the page never shows a raw identifier.
/// </summary>
public sealed record TraceView(TraceGraph Graph, TraceGraphDrawing? Drawing, IReadOnlyDictionary<string, (string Name, string? Detail)> Names,
    IStringLocalizer<TraceText> Text)
{
    private Dictionary<string, EpcisAction?>? actions;

    /// <summary>Rows of the flat table a page shows before it says "and N more" (the export has them all).</summary>
    public const int MaxTableRows = 500;

    public static async Task<TraceView> BuildAsync(VnTraceDbContext db, TraceGraph graph, IStringLocalizer<TraceText> l, CancellationToken ct)
    {
        var english = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";
        var names = await TraceNames.ResolveAsync(db, graph, english, l, ct);
        return new TraceView(graph, TraceGraphDrawing.Of(graph, names), names, l);
    }

    /// <summary>The step in the reader's words (<see cref="StepNames"/>), with the event's action from the graph.</summary>
    public string StepName(string eventId, EpcisEventType type, string? bizStep, IStringLocalizer<LotText> lotText)
    {
        if (actions is null)
        {
            // Two businesses may use one eventID: the first wins, as a look-up by id would.
            actions = new Dictionary<string, EpcisAction?>(StringComparer.Ordinal);
            foreach (var e in Graph.Events)
                actions.TryAdd(e.EventId, e.Action);
        }
        return StepNames.Of(Text, lotText, type, actions.GetValueOrDefault(eventId), bizStep);
    }

    /// <summary>The name of a product, place or business; its short readable label when nobody named it.</summary>
    public string NameOf(string? id) => id is null ? "" : Names.TryGetValue(id, out var n) ? n.Name : TraceLabels.Of(id, Text);

    /// <summary>The short readable identifier ("Sản phẩm GTIN … · lô …") under a name.</summary>
    public string LabelOf(string id) => TraceLabels.Of(id, Text);
}
