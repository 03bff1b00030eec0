namespace VnTrace.Server.Products;

/// <summary>Resources of the product pages and the product import (ProductText.resx Vietnamese, .en.resx English).</summary>
public sealed class ProductText;
