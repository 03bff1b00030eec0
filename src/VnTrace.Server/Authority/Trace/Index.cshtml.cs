using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using VnTrace.Gs1.Genealogy;
using VnTrace.Gs1.Identifiers;
using VnTrace.Server.Platform.Data;
using VnTrace.Server.Identity;
using VnTrace.Server.Platform.Text;
using VnTrace.Server.Trace;

namespace VnTrace.Server.Authority.Trace;

/// <summary>The authority's trace page: the whole chain of any code, through every business's events.</summary>
public sealed class IndexModel(VnTraceDbContext db, TraceOptions options, IStringLocalizer<TraceText> t) : PageModel
{
    [Microsoft.AspNetCore.Mvc.BindProperty(SupportsGet = true)]
    public string? Code { get; set; }

    [Microsoft.AspNetCore.Mvc.BindProperty(SupportsGet = true)]
    public TraceDirection Direction { get; set; } = TraceDirection.Both;

    [Microsoft.AspNetCore.Mvc.BindProperty(SupportsGet = true)]
    public DateOnly? From { get; set; }

    [Microsoft.AspNetCore.Mvc.BindProperty(SupportsGet = true)]
    public DateOnly? To { get; set; }

    public TraceView? Result { get; private set; }
    public string? Error { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(Code))
            return;
        if (!ScannedCode.TryToDigitalLink(Code, out var link, out var codeError))
        {
            Error = t["Error.Code", codeError.Message];
            return;
        }
        DateTimeOffset? from = From is { } f ? VietnamTime.StartOfDay(f) : null;
        DateTimeOffset? to = To is { } e ? VietnamTime.EndOfDay(e) : null;
        if (!TraceWindow.TryCreate(from, to, out var window, out var windowError))
        {
            Error = t["Error.Window", windowError];
            return;
        }
        var visibility = await TraceVisibility.OfAsync(db, User.OrganizationId(), ct);
        var graph = await GenealogyTracer.TraceAsync(link.ToCanonicalUri(), Direction, window, new DatabaseTraceEventSource(db, visibility),
            new TraceLimits { MaxNodes = options.MaxNodes, MaxDepth = options.MaxDepth }, ct);
        if (graph.StartUnknown)
        {
            Error = t["Error.Unknown", link.ToCanonicalUri()];
            return;
        }
        Result = await TraceView.BuildAsync(db, graph, t, ct);
    }
}
