using Microsoft.Extensions.Localization;
using VnTrace.Gs1.Epcis;
using VnTrace.Gs1.Epcis.Cbv;
using VnTrace.Server.Lots;

namespace VnTrace.Server.Trace;

/// <summary>
/// An event's step in the reader's words, the same on the consumer page, the trace table and the dashboard: a diary
/// entry as the lot page words it (<see cref="LotHistory.DiaryStepName"/>), else its CBV bizStep (TraceText
/// "BizStep.shipping"), else what its event type says ("EventKind.TransformationEvent"). Never the raw bizStep: a
/// CBV word (creating_class_instance) or a capturer's own URI is no word for people.
/// </summary>
public static class StepNames
{
    public static string Of(IStringLocalizer<TraceText> steps, IStringLocalizer<LotText> lotText, EpcisEventType type, EpcisAction? action, string? bizStep)
    {
        if (LotHistory.DiaryStepName(lotText, type, action, bizStep) is { } diary)
            return diary;
        if (bizStep is not null && Cbv.TryGetWord(CbvVocabulary.BizStep, bizStep, out var word) && steps["BizStep." + word] is { ResourceNotFound: false } text)
            return text.Value;
        return steps["EventKind." + type];
    }
}
