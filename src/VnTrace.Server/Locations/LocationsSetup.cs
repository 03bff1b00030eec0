using VnTrace.Server.Platform.Web;

namespace VnTrace.Server.Locations;

/// <summary>The business's locations: farms, planting areas, factories, packing houses, warehouses, shops.</summary>
public static class LocationsSetup
{
    /// <summary>The configuration key of the province whose communes the forms offer (Đắk Lắk, 66, by default).</summary>
    public const string ProvinceKey = "VnTrace:Province";

    public const string DefaultProvince = "66";

    public static WebApplicationBuilder AddLocations(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<MapOptions>().BindConfiguration(MapOptions.Section);
        builder.Services.AddScoped<LocationEditor>();
        return builder;
    }

    public static string Province(this IConfiguration configuration) =>
        configuration[ProvinceKey] is { Length: > 0 } code ? code : DefaultProvince;
}
