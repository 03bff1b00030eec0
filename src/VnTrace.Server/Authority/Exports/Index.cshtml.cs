using Microsoft.Extensions.Localization;
using VnTrace.Server.Exports;
using VnTrace.Server.Labels;

namespace VnTrace.Server.Authority.Exports;

/// <summary>The authority's exports: every business's events, as the trace page sees them.</summary>
public sealed class IndexModel(ExportService exports, DigitalLinkBase links, ExportOptions options, IStringLocalizer<ExportText> t)
    : ExportPageModel(exports, links, options, t)
{
    public override string LeadKey => "Page.LeadAuthority";
}
