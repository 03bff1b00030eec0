namespace VnTrace.Server.Products;

/// <summary>Product master data: the service behind the pages and the import, and GTIN allocation.</summary>
public static class ProductsSetup
{
    public static WebApplicationBuilder AddProducts(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<GtinAllocator>();
        builder.Services.AddScoped<ProductGallery>();
        builder.Services.AddScoped<ProductService>();
        builder.Services.AddScoped<Imports.IImportKind, ProductImport>();
        return builder;
    }
}
