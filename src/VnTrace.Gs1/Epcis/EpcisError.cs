namespace VnTrace.Gs1.Epcis;

/// <summary>EPCIS exception types (EPCIS 2.0 §8.2.7 and the REST binding), carried into problem+json.</summary>
public static class EpcisExceptionType
{
    public const string Validation = "ValidationException";
    public const string QueryParameter = "QueryParameterException";
    public const string QueryTooLarge = "QueryTooLargeException";
    public const string QueryTooComplex = "QueryTooComplexException";
    public const string NoSuchName = "NoSuchNameException";
    public const string Security = "SecurityException";
    public const string CaptureLimitExceeded = "CaptureLimitExceededException";
    public const string Implementation = "ImplementationException";
    public const string ResourceNotFound = "ResourceNotFoundException";
    public const string UnsupportedMediaType = "UnsupportedMediaTypeException";
    public const string NotAcceptable = "NotAcceptableException";
    public const string Conflict = "ConflictException";
}

/// <summary>
/// One problem found in an EPCIS document: where (a JSON pointer such as <c>/epcisBody/eventList/2/epcList/0</c>,
/// or an XML element path) and what, in words a user can act on.
/// </summary>
public sealed record EpcisError(string Path, string Message, string ExceptionType = EpcisExceptionType.Validation)
{
    public override string ToString() => $"{Path}: {Message}";
}

/// <summary>The outcome of reading a document: the document when it could be read, and every error found.</summary>
public sealed class EpcisReadResult
{
    public EpcisDocument? Document { get; init; }
    public List<EpcisError> Errors { get; init; } = [];
    public bool Success => Document is not null && Errors.Count == 0;
}
