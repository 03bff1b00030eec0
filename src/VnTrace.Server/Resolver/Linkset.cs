using System.Buffers;
using System.Text.Json;

namespace VnTrace.Server.Resolver;

/// <summary>One link of a linkset: where it goes and the target attributes GS1 resolvers expose (RFC 8288 §3.4).</summary>
public sealed record LinkTarget(string Href, string Title, string? Type = null, string? HrefLang = null);

/// <summary>
/// The links published for one identified item: an RFC 9264 linkset with a single link context object whose anchor is
/// the item's Digital Link on this resolver and whose relation types are GS1 Web Vocabulary URIs (GS1-Conformant
/// Resolver 1.2 §5: "linkset" is the sole member; each relation holds an array of target objects with href and title).
/// </summary>
public sealed class Linkset(string anchor, string? description)
{
    private readonly List<(string Relation, List<LinkTarget> Targets)> relations = [];

    public const string MediaType = "application/linkset+json";
    /// <summary>The JSON-LD context GS1 publishes for linksets, announced in a Link header so the JSON reads as JSON-LD.</summary>
    public const string JsonLdContext = "https://ref.gs1.org/standards/resolver/linkset-context";

    public string Anchor => anchor;
    public string? Description => description;

    public IEnumerable<string> Relations => relations.Select(r => r.Relation);

    public void Add(string relation, LinkTarget target)
    {
        foreach (var (rel, targets) in relations)
        {
            if (rel == relation)
            {
                targets.Add(target);
                return;
            }
        }
        relations.Add((relation, [target]));
    }

    public IReadOnlyList<LinkTarget> Targets(string relation) =>
        relations.FirstOrDefault(r => r.Relation == relation).Targets ?? [];

    /// <summary>The link of a relation in the reader's language when there is one (GS1 resolvers match hreflang), else the first.</summary>
    public LinkTarget? Choose(string relation, string language)
    {
        var targets = Targets(relation);
        return targets.FirstOrDefault(t => t.HrefLang == language) ?? targets.FirstOrDefault();
    }

    /// <summary>Vietnamese as characters, not \u escapes; characters that matter to HTML are still escaped.</summary>
    internal static readonly System.Text.Encodings.Web.JavaScriptEncoder Encoder =
        System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All);

    public byte[] ToJson()
    {
        var buffer = new ArrayBufferWriter<byte>(1024);
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = Encoder }))
        {
            w.WriteStartObject();
            w.WriteStartArray("linkset");
            w.WriteStartObject();
            w.WriteString("anchor", anchor);
            if (description is { Length: > 0 })
                w.WriteString("description", description);
            foreach (var (relation, targets) in relations)
            {
                w.WriteStartArray(relation);
                foreach (var t in targets)
                {
                    w.WriteStartObject();
                    w.WriteString("href", t.Href);
                    w.WriteString("title", t.Title);
                    if (t.Type is not null)
                        w.WriteString("type", t.Type);
                    if (t.HrefLang is not null)
                    {
                        w.WriteStartArray("hreflang");
                        w.WriteStringValue(t.HrefLang);
                        w.WriteEndArray();
                    }
                    w.WriteEndObject();
                }
                w.WriteEndArray();
            }
            w.WriteEndObject();
            w.WriteEndArray();
            w.WriteEndObject();
        }
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>The Link header value that points a client from any answer about the item to this linkset.</summary>
    public static string LinkHeaderTo(string anchor) => $"<{anchor}?linkType=all>; rel=\"linkset\"; type=\"{MediaType}\"";
}
