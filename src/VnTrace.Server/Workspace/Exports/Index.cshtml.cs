using Microsoft.Extensions.Localization;
using VnTrace.Server.Exports;
using VnTrace.Server.Labels;

namespace VnTrace.Server.Workspace.Exports;

/// <summary>A business's exports: its own events and those its partners shared with it, as its API key would get them.</summary>
public sealed class IndexModel(ExportService exports, DigitalLinkBase links, ExportOptions options, IStringLocalizer<ExportText> t)
    : ExportPageModel(exports, links, options, t)
{
    public override string LeadKey => "Page.LeadBusiness";
}
