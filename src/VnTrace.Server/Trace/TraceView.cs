using System.Globalization;
using VnTrace.Gs1.Genealogy;
using VnTrace.Server.Platform.Data;

namespace VnTrace.Server.Trace;

/// <summary>A trace ready for a page: the graph, its drawing (null when too large) and the names of its nodes.</summary>
public sealed record TraceView(TraceGraph Graph, TraceGraphDrawing? Drawing, IReadOnlyDictionary<string, (string Name, string? Detail)> Names)
{
    private Dictionary<string, VnTrace.Gs1.Epcis.EpcisAction?>? actions;

    /// <summary>Rows of the flat table a page shows before it says "and N more" (the export has them all).</summary>
    public const int MaxTableRows = 500;

    public static async Task<TraceView> BuildAsync(VnTraceDbContext db, TraceGraph graph, CancellationToken ct)
    {
        var english = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";
        var names = await TraceNames.ResolveAsync(db, graph, english, ct);
        return new TraceView(graph, TraceGraphDrawing.Of(graph, names), names);
    }

    /// <summary>
    /// The step in the reader's words: a diary entry as the lot page words it (<see cref="VnTrace.Server.Lots.LotHistory.DiaryStepName"/>),
    /// else the bizStep ("BizStep.shipping" in TraceText), else its bare CBV word.
    /// </summary>
    public string StepName(string eventId, VnTrace.Gs1.Epcis.EpcisEventType type, string? bizStep,
        Microsoft.Extensions.Localization.IStringLocalizer<TraceText> l, Microsoft.Extensions.Localization.IStringLocalizer<VnTrace.Server.Lots.LotText> lotText)
    {
        if (actions is null)
        {
            // Two businesses may use one eventID: the first wins, as a look-up by id would.
            actions = new Dictionary<string, VnTrace.Gs1.Epcis.EpcisAction?>(StringComparer.Ordinal);
            foreach (var e in Graph.Events)
                actions.TryAdd(e.EventId, e.Action);
        }
        var action = actions.GetValueOrDefault(eventId);
        if (VnTrace.Server.Lots.LotHistory.DiaryStepName(lotText, type, action, bizStep) is { } diary)
            return diary;
        if (bizStep is null)
            return type.ToString();
        var word = VnTrace.Gs1.Epcis.Cbv.Cbv.ToBareWord(VnTrace.Gs1.Epcis.Cbv.CbvVocabulary.BizStep, bizStep);
        var text = l["BizStep." + word];
        return text.ResourceNotFound ? word : text.Value;
    }

    public string NameOf(string? id) => id is null ? "" : Names.TryGetValue(id, out var n) ? n.Name : Graph.Nodes.FirstOrDefault(x => x.Id == id)?.Label ?? id;
}
