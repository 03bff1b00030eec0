using System.Text.Json;

namespace VnTrace.Gs1.Epcis.Json;

/// <summary>
/// Reads EPCIS 2.0 JSON-LD (EPCIS 2.0 §9.2 and the GS1 JSON schema) into <see cref="EpcisDocument"/>: an
/// EPCISDocument or EPCISQueryDocument, or one bare event as posted to <c>POST /events</c>.
/// Every problem is collected with its JSON pointer; only malformed JSON stops the reading.
/// </summary>
/// <remarks>
/// The reader checks structure (fields, value kinds, date-times, vocabulary forms) and leaves identifier syntax and
/// check digits to the event validator. Standard vocabulary values are stored as CBV URNs (<see cref="Cbv"/>).
/// Remote @context documents are not fetched: prefixes come from the document's own context objects and the
/// EPCIS context's built-in prefixes.
/// </remarks>
public static class EpcisJsonReader
{
    /// <summary>Reads an EPCISDocument, or an EPCISQueryDocument whose events are in queryResults.resultsBody.</summary>
    public static EpcisReadResult ReadDocument(ReadOnlySpan<byte> utf8Json) =>
        Read(utf8Json, static (reader, root) => reader.ReadDocumentObject(root));

    /// <summary>Reads one event object (which may carry its own @context) into a document holding that event.</summary>
    public static EpcisReadResult ReadEvent(ReadOnlySpan<byte> utf8Json) =>
        Read(utf8Json, static (reader, root) => reader.ReadAndAddEvent(root, "", JsonLdContext.Standard));

    private static EpcisReadResult Read(ReadOnlySpan<byte> utf8Json, Action<JsonDocumentReader, JsonElement> read)
    {
        var errors = new List<EpcisError>();
        if (!JsonInput.TryParse(utf8Json, errors, out var root))
            return new EpcisReadResult { Errors = errors };
        using (root)
        {
            var reader = new JsonDocumentReader(errors);
            try
            {
                read(reader, root.RootElement);
            }
            catch (InvalidOperationException) when (JsonInput.HasEscapedSurrogate(utf8Json))
            {
                return JsonInput.LoneSurrogate();
            }
            return reader.Result();
        }
    }
}
