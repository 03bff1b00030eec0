namespace VnTrace.Gs1.Identifiers;

/// <summary>
/// The kind of a <see cref="Gs1ParseError"/>, for callers that branch on it (to pick a translated message, a field,
/// an HTTP status) instead of on the English message. Modelled on the error codes of the GS1 Barcode Syntax Tests
/// ("linters") and the GS1 Barcode Syntax Engine's AI validations.
/// </summary>
public enum Gs1ParseErrorCode
{
    /// <summary>Nothing was given: an empty code, element string or Digital Link.</summary>
    Empty,

    /// <summary>A character stands where only a digit may.</summary>
    NotNumeric,

    /// <summary>
    /// A character outside the set the data allows: GS1 character set 82 or 39, base64url, or a character a URI
    /// must escape.
    /// </summary>
    InvalidCharacter,

    /// <summary>The mod-10 check digit of a numeric key is wrong (GS1 General Specifications §7.9.1).</summary>
    BadCheckDigit,

    /// <summary>The check character pair of an alphanumeric key is wrong (GS1 General Specifications §7.9.5).</summary>
    BadCheckCharacters,

    /// <summary>A key or fixed-length component has fewer or more characters than its format.</summary>
    WrongLength,

    /// <summary>The data runs past the most characters allowed (an AI's data field, a URI).</summary>
    TooLong,

    /// <summary>An AI's data, or a mandatory component of it, is missing.</summary>
    DataMissing,

    /// <summary>A month or day that is not a date (linters yymmdd, yymmd0, yyyymmdd).</summary>
    InvalidDate,

    /// <summary>A number outside its range: hour, minute, second, latitude, longitude, piece of total.</summary>
    OutOfRange,

    /// <summary>A component that fails another content check: zero, non-zero, yes/no, hyphen, winding, sex code…</summary>
    InvalidValue,

    /// <summary>A '%' that does not start a %XX escape.</summary>
    BadPercentEncoding,

    /// <summary>Not a GS1 Application Identifier, or no AI starts where one must.</summary>
    UnknownAi,

    /// <summary>The same AI twice with different data (GS1 General Specifications §4.14.1).</summary>
    DuplicateAi,

    /// <summary>An AI without the AIs it requires beside it (the Syntax Dictionary's <c>req=</c>; §4.14.2).</summary>
    MissingRequisiteAi,

    /// <summary>Two AIs that must not appear together (the Syntax Dictionary's <c>ex=</c>; §4.14.1).</summary>
    ExclusiveAis,

    /// <summary>An element string that is not well formed: brackets, separators, symbology identifier.</summary>
    ElementStringSyntax,

    /// <summary>A URI that is no http(s) URI with a host.</summary>
    NotADigitalLink,

    /// <summary>No GS1 primary key (GTIN, SSCC, GLN…) where one is needed.</summary>
    NoPrimaryKey,

    /// <summary>
    /// A Digital Link path that breaks the key's rules: an AI with no value, or a key qualifier the key does not
    /// take or takes in another order (GS1 Digital Link URI Syntax §4).
    /// </summary>
    DigitalLinkPath,

    /// <summary>An AI in the query string that GS1 does not allow as a Digital Link data attribute.</summary>
    NotADataAttribute,

    /// <summary>A compressed Digital Link, which this library does not read.</summary>
    CompressedDigitalLink,

    /// <summary>An EPC URI that is not well formed: prefix, kind, fields, pattern.</summary>
    EpcUriSyntax,

    /// <summary>
    /// Valid, but with no form of the kind asked for: an EPC URI without a Digital Link, a Digital Link without an
    /// EPC URI, AIs that cannot qualify a key together.
    /// </summary>
    NoEquivalent,
}
