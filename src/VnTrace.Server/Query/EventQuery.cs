using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using VnTrace.Gs1.Epcis;
using VnTrace.Gs1.Epcis.Cbv;

namespace VnTrace.Server.Query;

public enum EventOrder
{
    RecordTime,
    EventTime,
}

/// <summary>
/// The standard EPCIS 2.0 event query (§8.2.7.1, REST binding query parameters), parsed from a query string in one
/// switch. Values of list parameters are pipe-delimited. A name this repository does not know is refused, as the
/// standard requires, rather than silently ignored.
/// </summary>
public sealed class EventQuery
{
    public const int DefaultPerPage = 30;
    public const int MaxPerPage = 1000;

    public List<EpcisEventType> EventTypes { get; } = [];
    public DateTime? GeEventTime { get; set; }
    public DateTime? LtEventTime { get; set; }
    public DateTime? GeRecordTime { get; set; }
    public DateTime? LtRecordTime { get; set; }
    public List<EpcisAction> Actions { get; } = [];
    public List<string> BizSteps { get; } = [];
    public List<string> Dispositions { get; } = [];
    public List<string> ReadPoints { get; } = [];
    public List<string> WithinReadPoints { get; } = [];
    public List<string> BizLocations { get; } = [];
    public List<string> WithinBizLocations { get; } = [];
    public List<string> EventIds { get; } = [];
    public bool? ExistsErrorDeclaration { get; set; }

    public List<string> MatchEpc { get; } = [];
    public List<string> MatchParentId { get; } = [];
    public List<string> MatchInputEpc { get; } = [];
    public List<string> MatchOutputEpc { get; } = [];
    public List<string> MatchAnyEpc { get; } = [];
    public List<string> MatchEpcClass { get; } = [];
    public List<string> MatchInputEpcClass { get; } = [];
    public List<string> MatchOutputEpcClass { get; } = [];
    public List<string> MatchAnyEpcClass { get; } = [];

    /// <summary>EQ_bizTransaction_type, EQ_source_type, EQ_destination_type: type (CBV URN form) → values.</summary>
    public List<(string Type, List<string> Values)> BizTransactions { get; } = [];
    public List<(string Type, List<string> Values)> Sources { get; } = [];
    public List<(string Type, List<string> Values)> Destinations { get; } = [];

    public EventOrder OrderBy { get; set; } = EventOrder.RecordTime;
    public bool Descending { get; set; }
    /// <summary>eventCountLimit: at most this many events in all, the rest silently left out (EPCIS 2.0 §8.2.7.1).</summary>
    public int? EventCountLimit { get; set; }
    /// <summary>maxEventCount: more matching events than this is an error (QueryTooLargeException).</summary>
    public int? MaxEventCount { get; set; }
    public int PerPage { get; set; } = DefaultPerPage;
    public PageToken? After { get; set; }

    /// <summary>A digest of the filters, so a page token is only honoured for the query it came from.</summary>
    public string Fingerprint { get; private set; } = "";

    /// <summary>Parses the query string; the error names the parameter and what is wrong with it.</summary>
    public static (EventQuery? Query, string? Error) Parse(IQueryCollection parameters)
    {
        var q = new EventQuery();
        var fingerprint = new StringBuilder();
        string? token = null;
        foreach (var (name, rawValues) in parameters.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            var raw = rawValues.ToString();
            if (name != "nextPageToken" && name != "perPage")
                fingerprint.Append(name).Append('=').Append(raw).Append('&');
            var error = q.Apply(name, raw, ref token);
            if (error is not null)
                return (null, error);
        }
        q.Fingerprint = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(fingerprint.ToString())))[..16];
        if (token is not null)
        {
            var after = PageToken.Decode(token, q.Fingerprint);
            if (after is null)
                return (null, "nextPageToken is not valid for this query (it may come from another query, or be damaged).");
            q.After = after;
        }
        if (q.GeEventTime >= q.LtEventTime)
            return (null, "GE_eventTime must be earlier than LT_eventTime.");
        if (q.GeRecordTime >= q.LtRecordTime)
            return (null, "GE_recordTime must be earlier than LT_recordTime.");
        return (q, null);
    }

    private string? Apply(string name, string raw, ref string? token)
    {
        if (raw.Length == 0 && !name.StartsWith("EXISTS_", StringComparison.Ordinal))
            return $"Query parameter {name} has no value.";
        switch (name)
        {
            case "eventType":
                foreach (var v in Split(raw))
                {
                    if (!Enum.TryParse<EpcisEventType>(v, ignoreCase: false, out var type) || !Enum.IsDefined(type))
                        return $"eventType '{v}' is not an EPCIS event type (ObjectEvent, AggregationEvent, TransactionEvent, TransformationEvent, AssociationEvent).";
                    EventTypes.Add(type);
                }
                return null;
            case "GE_eventTime": return ParseTime(name, raw, t => GeEventTime = t);
            case "LT_eventTime": return ParseTime(name, raw, t => LtEventTime = t);
            case "GE_recordTime": return ParseTime(name, raw, t => GeRecordTime = t);
            case "LT_recordTime": return ParseTime(name, raw, t => LtRecordTime = t);
            case "EQ_action":
                foreach (var v in Split(raw))
                {
                    EpcisAction? action = v switch { "ADD" => EpcisAction.Add, "OBSERVE" => EpcisAction.Observe, "DELETE" => EpcisAction.Delete, _ => null };
                    if (action is null)
                        return $"EQ_action '{v}' is not ADD, OBSERVE or DELETE.";
                    Actions.Add(action.Value);
                }
                return null;
            case "EQ_bizStep": BizSteps.AddRange(Split(raw).Select(v => Cbv.ToUrn(CbvVocabulary.BizStep, v))); return null;
            case "EQ_disposition": Dispositions.AddRange(Split(raw).Select(v => Cbv.ToUrn(CbvVocabulary.Disposition, v))); return null;
            case "EQ_readPoint": ReadPoints.AddRange(Split(raw).Select(VnTrace.Server.Platform.Events.Identifiers.Canonical)); return null;
            case "WD_readPoint": WithinReadPoints.AddRange(Split(raw).Select(VnTrace.Server.Platform.Events.Identifiers.Canonical)); return null;
            case "EQ_bizLocation": BizLocations.AddRange(Split(raw).Select(VnTrace.Server.Platform.Events.Identifiers.Canonical)); return null;
            case "WD_bizLocation": WithinBizLocations.AddRange(Split(raw).Select(VnTrace.Server.Platform.Events.Identifiers.Canonical)); return null;
            case "EQ_eventID": EventIds.AddRange(Split(raw)); return null;
            case "EXISTS_errorDeclaration": ExistsErrorDeclaration = true; return null;
            case "MATCH_epc": MatchEpc.AddRange(Split(raw)); return null;
            case "MATCH_parentID": MatchParentId.AddRange(Split(raw)); return null;
            case "MATCH_inputEPC": MatchInputEpc.AddRange(Split(raw)); return null;
            case "MATCH_outputEPC": MatchOutputEpc.AddRange(Split(raw)); return null;
            case "MATCH_anyEPC": MatchAnyEpc.AddRange(Split(raw)); return null;
            case "MATCH_epcClass": MatchEpcClass.AddRange(Split(raw)); return null;
            case "MATCH_inputEPCClass": MatchInputEpcClass.AddRange(Split(raw)); return null;
            case "MATCH_outputEPCClass": MatchOutputEpcClass.AddRange(Split(raw)); return null;
            case "MATCH_anyEPCClass": MatchAnyEpcClass.AddRange(Split(raw)); return null;
            case "orderBy":
                OrderBy = raw switch
                {
                    "eventTime" => EventOrder.EventTime,
                    "recordTime" => EventOrder.RecordTime,
                    _ => (EventOrder)(-1),
                };
                return Enum.IsDefined(OrderBy) ? null : $"orderBy '{raw}' is not supported; use eventTime or recordTime.";
            case "orderDirection":
                if (raw is not ("ASC" or "DESC"))
                    return $"orderDirection '{raw}' must be ASC or DESC.";
                Descending = raw == "DESC";
                return null;
            case "eventCountLimit": return ParseCount(name, raw, 1, int.MaxValue, v => EventCountLimit = v);
            case "maxEventCount": return ParseCount(name, raw, 0, int.MaxValue, v => MaxEventCount = v);
            case "perPage": return ParseCount(name, raw, 1, MaxPerPage, v => PerPage = v);
            case "nextPageToken": token = raw; return null;
        }
        if (TryTyped(name, "EQ_bizTransaction_", CbvVocabulary.BizTransactionType, raw, BizTransactions, canonical: false)
            || TryTyped(name, "EQ_source_", CbvVocabulary.SourceDestType, raw, Sources, canonical: true)
            || TryTyped(name, "EQ_destination_", CbvVocabulary.SourceDestType, raw, Destinations, canonical: true))
            return null;
        return $"Query parameter '{name}' is not supported by this repository.";
    }

    private static bool TryTyped(string name, string prefix, CbvVocabulary vocabulary, string raw,
        List<(string, List<string>)> target, bool canonical)
    {
        if (!name.StartsWith(prefix, StringComparison.Ordinal) || name.Length == prefix.Length)
            return false;
        var type = Cbv.ToUrn(vocabulary, name[prefix.Length..]);
        var values = Split(raw).Select(v => canonical ? VnTrace.Server.Platform.Events.Identifiers.Canonical(v) : v).ToList();
        target.Add((type, values));
        return true;
    }

    private static string[] Split(string raw) => raw.Split('|', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    private static string? ParseTime(string name, string raw, Action<DateTime> set)
    {
        // A time without offset is ambiguous: refuse it, as for eventTime in documents.
        if (!VnTrace.Server.Platform.Api.EpcisDateTimes.TryParseWithOffset(raw, out var t))
            return $"{name} '{raw}' is not a date-time with a time-zone offset (e.g. 2026-01-31T08:00:00+07:00).";
        set(t.UtcDateTime);
        return null;
    }

    private static string? ParseCount(string name, string raw, int min, int max, Action<int> set)
    {
        if (!int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var v) || v < min || v > max)
            return $"{name} '{raw}' must be a whole number from {min} to {max}.";
        set(v);
        return null;
    }
}

/// <summary>Where the previous page ended: the sort key and store id of its last event, bound to one query.</summary>
public sealed record PageToken(long SortTicks, long Id, int Delivered)
{
    public string Encode(string fingerprint) =>
        Base64Url($"{SortTicks}.{Id}.{Delivered}.{fingerprint}");

    public static PageToken? Decode(string token, string fingerprint)
    {
        try
        {
            var padded = token.Replace('-', '+').Replace('_', '/');
            padded += new string('=', (4 - padded.Length % 4) % 4);
            var parts = Encoding.UTF8.GetString(Convert.FromBase64String(padded)).Split('.');
            if (parts.Length != 4 || parts[3] != fingerprint)
                return null;
            return new PageToken(long.Parse(parts[0], CultureInfo.InvariantCulture), long.Parse(parts[1], CultureInfo.InvariantCulture),
                int.Parse(parts[2], CultureInfo.InvariantCulture));
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private static string Base64Url(string s) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(s)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
