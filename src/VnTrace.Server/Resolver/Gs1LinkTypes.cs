namespace VnTrace.Server.Resolver;

/// <summary>
/// The GS1 Web Vocabulary link types this resolver publishes (https://ref.gs1.org/voc/, "linkType" subproperties), as
/// the full URIs a linkset uses for relation types.
/// </summary>
public static class Gs1LinkTypes
{
    public const string Vocabulary = "https://gs1.org/voc/";
    public const string DefaultLink = Vocabulary + "defaultLink";
    public const string ProductInfo = Vocabulary + "pip";
    public const string CertificationInfo = Vocabulary + "certificationInfo";
    public const string RecallStatus = Vocabulary + "recallStatus";
    public const string Traceability = Vocabulary + "traceability";
    public const string Epcis = Vocabulary + "epcis";

    /// <summary>
    /// A requested linkType in any form GS1 resolvers meet — CURIE (gs1:pip), http or https URI, on gs1.org or
    /// ref.gs1.org — as the full https://gs1.org/voc/ URI; null for an empty value. Other URIs are kept as given.
    /// </summary>
    public static string? Normalize(string? linkType)
    {
        var value = linkType?.Trim();
        if (string.IsNullOrEmpty(value))
            return null;
        foreach (var prefix in (ReadOnlySpan<string>)["gs1:", "https://gs1.org/voc/", "http://gs1.org/voc/", "https://ref.gs1.org/voc/", "http://ref.gs1.org/voc/"])
        {
            if (value.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) && value.Length > prefix.Length)
                return Vocabulary + value[prefix.Length..];
        }
        return value;
    }

    /// <summary>The CURIE of a GS1 link type (gs1:pip), for messages and the Link header.</summary>
    public static string Curie(string linkType) =>
        linkType.StartsWith(Vocabulary, StringComparison.Ordinal) ? "gs1:" + linkType[Vocabulary.Length..] : linkType;
}
