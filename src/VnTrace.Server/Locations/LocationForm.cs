using System.ComponentModel.DataAnnotations;
using System.Globalization;

namespace VnTrace.Server.Locations;

/// <summary>
/// What the location form posts. Numbers (area, latitude, longitude) arrive as text and are read with either a
/// decimal point or a decimal comma: the Vietnamese culture would otherwise read "12.68" as 1268.
/// </summary>
public sealed class LocationForm
{
    [Display(Name = "Location.Kind")]
    public LocationKind Kind { get; set; }

    [Required(ErrorMessage = "Validation.Required"), MaxLength(200, ErrorMessage = "Validation.MaxLength"), Display(Name = "Location.Name")]
    public string Name { get; set; } = "";

    /// <summary>Typed GLN; empty asks for one allocated from the business's company prefix.</summary>
    [MaxLength(40, ErrorMessage = "Validation.MaxLength"), Display(Name = "Location.Gln")]
    public string? Gln { get; set; }

    [Display(Name = "Location.Parent")]
    public Guid? ParentId { get; set; }

    [MaxLength(50, ErrorMessage = "Validation.MaxLength"), Display(Name = "Location.PlantingAreaCode")]
    public string? PlantingAreaCode { get; set; }

    [MaxLength(50, ErrorMessage = "Validation.MaxLength"), Display(Name = "Location.PackingHouseCode")]
    public string? PackingHouseCode { get; set; }

    [MaxLength(100, ErrorMessage = "Validation.MaxLength"), Display(Name = "Location.Crop")]
    public string? Crop { get; set; }

    [MaxLength(30, ErrorMessage = "Validation.MaxLength"), Display(Name = "Location.AreaHectares")]
    public string? AreaHectares { get; set; }

    /// <summary>The polygon drawn on the map, as the map script writes it: [[lat, lng], …]; "[]" when cleared.</summary>
    [Display(Name = "Location.BoundaryPoints")]
    public string? BoundaryPoints { get; set; }

    /// <summary>Pasted GeoJSON; takes precedence over a drawing.</summary>
    [Display(Name = "Location.BoundaryGeoJson")]
    public string? BoundaryGeoJson { get; set; }

    /// <summary>An uploaded .geojson/.json file; takes precedence over pasted text and a drawing.</summary>
    [Display(Name = "Location.BoundaryFile")]
    public IFormFile? BoundaryFile { get; set; }

    [Display(Name = "Location.RemoveBoundary")]
    public bool RemoveBoundary { get; set; }

    [MaxLength(30, ErrorMessage = "Validation.MaxLength"), Display(Name = "Location.Latitude")]
    public string? Latitude { get; set; }

    [MaxLength(30, ErrorMessage = "Validation.MaxLength"), Display(Name = "Location.Longitude")]
    public string? Longitude { get; set; }

    [MaxLength(10, ErrorMessage = "Validation.MaxLength"), Display(Name = "Location.Commune")]
    public string? CommuneCode { get; set; }

    [MaxLength(300, ErrorMessage = "Validation.MaxLength"), Display(Name = "Location.Address")]
    public string? AddressLine { get; set; }

    [Display(Name = "Location.Internal")]
    public bool Internal { get; set; }

    /// <summary>The form for editing <paramref name="location"/>; the boundary stays out (the map shows the stored one).</summary>
    public static LocationForm From(Location location) => new()
    {
        Kind = location.Kind,
        Name = location.Name,
        Gln = location.Gln,
        ParentId = location.ParentId,
        PlantingAreaCode = location.PlantingAreaCode,
        PackingHouseCode = location.PackingHouseCode,
        Crop = location.Crop,
        AreaHectares = location.AreaHectares?.ToString("0.####", CultureInfo.InvariantCulture),
        Latitude = location.Latitude?.ToString("0.#######", CultureInfo.InvariantCulture),
        Longitude = location.Longitude?.ToString("0.#######", CultureInfo.InvariantCulture),
        CommuneCode = location.CommuneCode,
        AddressLine = location.AddressLine,
        Internal = location.Internal,
    };

    /// <summary>
    /// Reads a number typed with a decimal point or, as Vietnamese writes it, a decimal comma ("1,5"); spaces are
    /// ignored. Thousands separators are not accepted: "1.234" is one point two three four.
    /// </summary>
    public static bool TryParseNumber(string? text, out double value)
    {
        value = 0;
        var s = string.Concat((text ?? "").Where(c => !char.IsWhiteSpace(c)));
        if (s.Length == 0)
            return false;
        if (s.Contains(',') && !s.Contains('.'))
            s = s.Replace(',', '.');
        return double.TryParse(s, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value)
            && double.IsFinite(value);
    }
}
