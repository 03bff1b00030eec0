using System.Text;
using System.Xml;

namespace VnTrace.Gs1.Epcis.Xml;

/// <summary>Walks child elements with a streaming <see cref="XmlReader"/>, and paths for error messages.</summary>
internal static class XmlNavigation
{
    /// <summary>
    /// On a start element: steps inside it. False for an empty element, which is then consumed.
    /// Use with <see cref="NextChild"/>, passing the depth the element had.
    /// </summary>
    public static bool Enter(XmlReader r)
    {
        if (r.IsEmptyElement)
        {
            r.Read();
            return false;
        }
        r.Read();
        return true;
    }

    /// <summary>
    /// Moves to the next child element of the element at <paramref name="parentDepth"/>, skipping text and
    /// whitespace between children. False once the parent's end tag has been consumed.
    /// </summary>
    public static bool NextChild(XmlReader r, int parentDepth)
    {
        while (!r.EOF)
        {
            if (r.Depth == parentDepth && r.NodeType == XmlNodeType.EndElement)
            {
                r.Read();
                return false;
            }
            if (r.Depth == parentDepth + 1 && r.NodeType == XmlNodeType.Element)
                return true;
            r.Read();
        }
        return false;
    }

    /// <summary>
    /// Reads the text of a leaf element and consumes it. Child elements inside it are skipped and reported
    /// through <paramref name="hadChildren"/>.
    /// </summary>
    public static string ReadText(XmlReader r, out bool hadChildren)
    {
        hadChildren = false;
        var depth = r.Depth;
        if (!Enter(r))
            return "";
        StringBuilder? text = null;
        string? single = null;
        while (!r.EOF && !(r.Depth == depth && r.NodeType == XmlNodeType.EndElement))
        {
            switch (r.NodeType)
            {
                case XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace:
                    if (single is null && text is null)
                        single = r.Value;
                    else
                        (text ??= new StringBuilder(single)).Append(r.Value);
                    r.Read();
                    break;
                case XmlNodeType.Element:
                    hadChildren = true;
                    r.Skip();
                    break;
                default:
                    r.Read();
                    break;
            }
        }
        r.Read();
        return text?.ToString() ?? single ?? "";
    }

    /// <summary>"name[3]": the 1-based position among same-named siblings, as in XPath.</summary>
    public static string Indexed(string name, int position) => $"{name}[{position}]";
}
