using Microsoft.Extensions.Localization;

namespace VnTrace.Server.Certificates;

/// <summary>Resources of the certificate pages (CertificateText.resx Vietnamese, .en.resx English).</summary>
public sealed class CertificateText
{
    /// <summary>"VietGAP", "ISO 22000"… or, for Other, the scheme name the business typed.</summary>
    public static string KindName(IStringLocalizer<CertificateText> text, CertificateKind kind, string? otherKindName) =>
        kind == CertificateKind.Other && !string.IsNullOrWhiteSpace(otherKindName)
            ? otherKindName
            : text["CertificateKind." + kind].Value;

    /// <summary>The resource key of a state's badge text ("CertificateState.Expiring").</summary>
    public static string StateKey(CertificateState state) => "CertificateState." + state;

    /// <summary>The Bootstrap badge class of a state.</summary>
    public static string StateBadge(CertificateState state) => state switch
    {
        CertificateState.Valid => "text-bg-success",
        CertificateState.Expiring => "text-bg-warning",
        CertificateState.Expired => "text-bg-danger",
        _ => "text-bg-secondary",
    };
}
