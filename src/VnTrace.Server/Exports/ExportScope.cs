using System.Diagnostics.CodeAnalysis;
using VnTrace.Gs1.Epcis;
using VnTrace.Gs1.Genealogy;
using VnTrace.Gs1.Identifiers;
using VnTrace.Server.Platform.Api;

namespace VnTrace.Server.Exports;

/// <summary>
/// What an export covers: a product (every lot and unit of a GTIN), or a lot and optionally its genealogy, or
/// neither — and in each case optionally an eventTime window; a window alone covers everything the caller sees in it.
/// </summary>
/// <param name="Gtin">The product, when the scope is a GTIN.</param>
/// <param name="Lot">The lot class as a canonical Digital Link (…/01/{gtin}/10/{lot}), when the scope is a lot.</param>
/// <param name="Trace">With a lot: also the events of every identifier the genealogy reaches in this direction.</param>
public sealed record ExportScope(Gtin? Gtin, string? Lot, TraceDirection? Trace, TraceWindow Window)
{
    /// <summary>The GTIN as its canonical Digital Link, the prefix of its lots and units.</summary>
    public string? GtinLink => Gtin is { } g ? DigitalLink.ForGtin(g).ToString() : null;

    /// <summary>Parses the scope parameters, or gives what is wrong (a 400 for the API, a message on the export pages).</summary>
    public static bool TryParse(string? gtin, string? lot, string? trace, string? from, string? to,
        [NotNullWhen(true)] out ExportScope? scope, [NotNullWhen(false)] out ExportScopeError? error)
    {
        scope = null;
        error = null;
        if (string.IsNullOrWhiteSpace(gtin) && string.IsNullOrWhiteSpace(lot) && string.IsNullOrWhiteSpace(from) && string.IsNullOrWhiteSpace(to))
        {
            error = new(ExportScopeProblem.NoScope,
                "An export needs a scope: gtin (a product), lot (a GS1 Digital Link or EPC URI of a lot, with trace=backward|forward|both for its genealogy), "
                + "and/or a time range from/to (date-times with offset).");
            return false;
        }
        if (!string.IsNullOrWhiteSpace(gtin) && !string.IsNullOrWhiteSpace(lot))
        {
            error = new(ExportScopeProblem.GtinAndLot, "Give gtin or lot, not both: a lot already names its GTIN.");
            return false;
        }

        Gtin? product = null;
        if (!string.IsNullOrWhiteSpace(gtin))
        {
            if (!Gs1.Identifiers.Gtin.TryParse(gtin.Trim(), out var parsed, out var gtinError))
            {
                error = new(ExportScopeProblem.Gtin, $"gtin '{gtin}' is not a GTIN: {gtinError}", gtinError);
                return false;
            }
            product = parsed;
        }

        string? lotLink = null;
        if (!string.IsNullOrWhiteSpace(lot))
        {
            if (!TryParseLot(lot.Trim(), out lotLink, out var why))
            {
                error = new(ExportScopeProblem.Lot, why);
                return false;
            }
        }

        TraceDirection? direction;
        switch ((trace ?? "").Trim().ToLowerInvariant())
        {
            case "" or "none": direction = null; break;
            case "backward": direction = TraceDirection.Backward; break;
            case "forward": direction = TraceDirection.Forward; break;
            case "both": direction = TraceDirection.Both; break;
            default:
                error = new(ExportScopeProblem.Trace, $"trace '{trace}' must be none, backward, forward or both.");
                return false;
        }
        if (direction is not null && lotLink is null)
        {
            error = new(ExportScopeProblem.TraceWithoutLot, "trace follows the genealogy of a lot: give lot as well.");
            return false;
        }

        if (!TryTime("from", from, out var fromTime, out var timeError) || !TryTime("to", to, out var toTime, out timeError))
        {
            error = new(ExportScopeProblem.Time, timeError);
            return false;
        }
        if (!TraceWindow.TryCreate(fromTime, toTime, out var window, out var windowError))
        {
            error = new(ExportScopeProblem.Window, windowError);
            return false;
        }
        scope = new ExportScope(product, lotLink, direction, window);
        return true;
    }

    /// <summary>A human description for the "About" sheet and the logs.</summary>
    public string Describe()
    {
        var parts = new List<string>();
        if (Gtin is { } g)
            parts.Add($"product GTIN {g}");
        if (Lot is not null)
            parts.Add(Trace is { } t ? $"lot {Lot} and its genealogy ({t.ToString().ToLowerInvariant()})" : $"lot {Lot}");
        if (Window.From is { } f)
            parts.Add($"event time from {f:yyyy-MM-dd'T'HH:mm:sszzz} (inclusive)");
        if (Window.To is { } to)
            parts.Add($"event time before {to:yyyy-MM-dd'T'HH:mm:sszzz}");
        return string.Join("; ", parts);
    }

    /// <summary>A lot class: a Digital Link or EPC URI (urn:epc:class:lgtin:…) naming a GTIN and a lot, no serial.</summary>
    private static bool TryParseLot(string raw, [NotNullWhen(true)] out string? lot, out string why)
    {
        lot = null;
        why = "";
        if (!EpcDigitalLink.TryToCanonicalDigitalLink(raw, out var canonical))
        {
            why = DigitalLink.TryParse(raw, out _, out var error)
                ? $"lot '{raw}' is not a GS1 Digital Link or EPC URI of a lot."
                : $"lot '{raw}' is not a GS1 Digital Link or EPC URI of a lot: {error}";
            return false;
        }
        if (!DigitalLink.TryParse(canonical, out var link, out _) || link.PrimaryKey.Ai != "01"
            || !link.Qualifiers.Any(q => q.Ai == "10") || link.Qualifiers.Any(q => q.Ai == "21"))
        {
            why = $"lot '{raw}' does not name a lot: it must be a GTIN with a lot number and no serial "
                + "(…/01/{gtin}/10/{lot} or urn:epc:class:lgtin:{company prefix}.{item reference}.{lot}).";
            return false;
        }
        lot = link.ToCanonicalUri();
        return true;
    }

    private static IResult Gs1Problem(string parameter, string detail, Gs1ParseError error) =>
        EpcisProblems.Result(StatusCodes.Status400BadRequest, EpcisExceptionType.QueryParameter, detail,
            [new EpcisError(parameter, error.ToString())],
            new Dictionary<string, object?> { ["position"] = error.Position, ["length"] = error.Length, ["code"] = error.Code.ToString() });

    private static bool TryTime(string name, string? raw, out DateTimeOffset? time, [NotNullWhen(false)] out string? error)
    {
        time = null;
        error = null;
        if (string.IsNullOrWhiteSpace(raw))
            return true;
        if (EpcisDateTimes.TryParseWithOffset(raw.Trim(), out var t))
        {
            time = t;
            return true;
        }
        error = $"{name} '{raw}' is not a date-time with a time-zone offset (e.g. 2026-01-31T08:00:00+07:00).";
        return false;
    }
}

/// <summary>Which scope parameter an export request got wrong; the export pages word each one for people.</summary>
public enum ExportScopeProblem
{
    NoScope,
    GtinAndLot,
    Gtin,
    Lot,
    Trace,
    TraceWithoutLot,
    Time,
    Window,
}

/// <param name="Detail">What is wrong, in English, for the API's problem details.</param>
/// <param name="Gs1">The GS1 parse error of a bad GTIN, with its position.</param>
public sealed record ExportScopeError(ExportScopeProblem Problem, string Detail, Gs1ParseError? Gs1 = null)
{
    /// <summary>The 400 problem+json the API answers with; a bad GTIN names its failing position.</summary>
    public IResult ToProblem() => Problem switch
    {
        ExportScopeProblem.Gtin when Gs1 is { } error => EpcisProblems.Result(StatusCodes.Status400BadRequest, EpcisExceptionType.QueryParameter, Detail,
            [new EpcisError("gtin", error.ToString())],
            new Dictionary<string, object?> { ["position"] = error.Position, ["length"] = error.Length }),
        ExportScopeProblem.Lot => EpcisProblems.Result(StatusCodes.Status400BadRequest, EpcisExceptionType.QueryParameter, Detail, [new EpcisError("lot", Detail)]),
        _ => EpcisProblems.QueryParameter(Detail),
    };
}
