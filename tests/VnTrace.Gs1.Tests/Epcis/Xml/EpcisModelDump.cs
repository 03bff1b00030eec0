using System.Collections;
using System.Globalization;
using System.Reflection;
using System.Text;

namespace VnTrace.Gs1.Tests.Epcis.Xml;

/// <summary>
/// A canonical, line-per-value dump of an EPCIS model object, walking every public property by reflection, so a
/// property added to the model later is compared without touching this file. Two models are deeply equal when
/// their dumps are; the first differing line says which field was lost. Times keep their offset ("o" format),
/// decimals their scale.
/// </summary>
internal static class EpcisModelDump
{
    public static string Of(object? model)
    {
        var text = new StringBuilder();
        Append(text, "", model);
        return text.ToString();
    }

    /// <summary>The first line where two dumps differ, with a little context, for assertion messages.</summary>
    public static string? FirstDifference(string expected, string actual)
    {
        var e = expected.Split('\n');
        var a = actual.Split('\n');
        for (var i = 0; i < Math.Max(e.Length, a.Length); i++)
        {
            var left = i < e.Length ? e[i] : "<missing>";
            var right = i < a.Length ? a[i] : "<missing>";
            if (left != right)
                return $"line {i + 1}: expected '{left}' but was '{right}'";
        }
        return null;
    }

    private static void Append(StringBuilder text, string path, object? value)
    {
        switch (value)
        {
            case null:
                text.Append(path).Append(" = null\n");
                return;
            case string s:
                text.Append(path).Append(" = \"").Append(s).Append("\"\n");
                return;
            case DateTimeOffset t:
                text.Append(path).Append(" = ").Append(t.ToString("o", CultureInfo.InvariantCulture)).Append('\n');
                return;
            case IFormattable f when value.GetType().IsPrimitive || value is decimal || value.GetType().IsEnum:
                text.Append(path).Append(" = ").Append(f.ToString(null, CultureInfo.InvariantCulture)).Append('\n');
                return;
            case bool b:
                text.Append(path).Append(" = ").Append(b ? "true" : "false").Append('\n');
                return;
            case IDictionary dictionary:
                var keys = dictionary.Keys.Cast<object>().Select(k => k.ToString()!).Order(StringComparer.Ordinal).ToList();
                text.Append(path).Append(".Count = ").Append(keys.Count).Append('\n');
                foreach (var key in keys)
                    Append(text, $"{path}[{key}]", dictionary[key]);
                return;
            case IEnumerable list:
                var index = 0;
                foreach (var item in list)
                    Append(text, $"{path}[{index++}]", item);
                text.Append(path).Append(".Count = ").Append(index).Append('\n');
                return;
        }
        foreach (var property in value.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance)
                     .Where(p => p.GetIndexParameters().Length == 0)
                     .OrderBy(p => p.MetadataToken))
            Append(text, path + "." + property.Name, property.GetValue(value));
    }
}
