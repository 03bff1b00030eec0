using System.Globalization;

namespace VnTrace.Gs1.Epcis.Json;

/// <summary>Builds RFC 6901 JSON pointers for error paths ("/epcisBody/eventList/2/epcList/0").</summary>
internal static class JsonPointer
{
    public static string Append(string pointer, string name) =>
        pointer + "/" + name.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);

    public static string Append(string pointer, int index) =>
        pointer + "/" + index.ToString(CultureInfo.InvariantCulture);
}
