namespace VnTrace.Gs1.Identifiers;

/// <summary>
/// GS1 prefixes: the first three digits of a GS1 Company Prefix, which say which GS1 Member Organisation allocated it
/// or which special use the number has (GS1 General Specifications §1.4.3, Figure 1.4.3-1). A prefix says where the
/// company registered, not where the product was made.
/// </summary>
public static class Gs1Prefix
{
    /// <summary>GS1 Vietnam's prefix.</summary>
    public const string Vietnam = "893";

    // Inclusive ranges → ISO 3166-1 alpha-2 of the Member Organisation, or a special use in lower case.
    private static readonly (int From, int To, string Allocation)[] Ranges =
    [
        (0, 0, "restricted"), (1, 19, "US"), (20, 29, "restricted"), (30, 39, "US"), (40, 49, "restricted"),
        (50, 59, "coupon"), (60, 139, "US"), (200, 299, "restricted"), (300, 379, "FR"), (380, 380, "BG"),
        (383, 383, "SI"), (385, 385, "HR"), (387, 387, "BA"), (389, 389, "ME"), (390, 390, "XK"), (400, 440, "DE"),
        (450, 459, "JP"), (460, 469, "RU"), (470, 470, "KG"), (471, 471, "TW"), (474, 474, "EE"), (475, 475, "LV"),
        (476, 476, "AZ"), (477, 477, "LT"), (478, 478, "UZ"), (479, 479, "LK"), (480, 480, "PH"), (481, 481, "BY"),
        (482, 482, "UA"), (483, 483, "TM"), (484, 484, "MD"), (485, 485, "AM"), (486, 486, "GE"), (487, 487, "KZ"),
        (488, 488, "TJ"), (489, 489, "HK"), (490, 499, "JP"), (500, 509, "GB"), (520, 521, "GR"), (528, 528, "LB"),
        (529, 529, "CY"), (530, 530, "AL"), (531, 531, "MK"), (535, 535, "MT"), (539, 539, "IE"), (540, 549, "BE"),
        (560, 560, "PT"), (569, 569, "IS"), (570, 579, "DK"), (590, 590, "PL"), (594, 594, "RO"), (599, 599, "HU"),
        (600, 601, "ZA"), (603, 603, "GH"), (604, 604, "SN"), (608, 608, "BH"), (609, 609, "MU"), (611, 611, "MA"),
        (613, 613, "DZ"), (615, 615, "NG"), (616, 616, "KE"), (618, 618, "CI"), (619, 619, "TN"), (620, 620, "TZ"),
        (621, 621, "SY"), (622, 622, "EG"), (623, 623, "BN"), (624, 624, "LY"), (625, 625, "JO"), (626, 626, "IR"),
        (627, 627, "KW"), (628, 628, "SA"), (629, 629, "AE"), (630, 630, "QA"), (640, 649, "FI"), (680, 681, "CN"),
        (690, 699, "CN"), (700, 709, "NO"), (729, 729, "IL"), (730, 739, "SE"), (740, 740, "GT"), (741, 741, "SV"),
        (742, 742, "HN"), (743, 743, "NI"), (744, 744, "CR"), (745, 745, "PA"), (746, 746, "DO"), (750, 750, "MX"),
        (754, 755, "CA"), (759, 759, "VE"), (760, 769, "CH"), (770, 771, "CO"), (773, 773, "UY"), (775, 775, "PE"),
        (777, 777, "BO"), (778, 779, "AR"), (780, 780, "CL"), (784, 784, "PY"), (786, 786, "EC"), (789, 790, "BR"),
        (800, 839, "IT"), (840, 849, "ES"), (850, 850, "CU"), (858, 858, "SK"), (859, 859, "CZ"), (860, 860, "RS"),
        (865, 865, "MN"), (867, 867, "KP"), (868, 869, "TR"), (870, 879, "NL"), (880, 881, "KR"), (883, 883, "MM"),
        (884, 884, "KH"), (885, 885, "TH"), (888, 888, "SG"), (890, 890, "IN"), (893, 893, "VN"), (896, 896, "PK"),
        (899, 899, "ID"), (900, 919, "AT"), (930, 939, "AU"), (940, 949, "NZ"), (950, 950, "global office"),
        (951, 951, "epc"), (955, 955, "MY"), (958, 958, "MO"), (960, 969, "global office"), (977, 977, "issn"),
        (978, 979, "isbn"), (980, 980, "refund receipt"), (981, 984, "coupon"), (990, 999, "coupon"),
    ];

    /// <summary>
    /// The GS1 prefix of a GTIN: digits 2–4 of the 14-digit form, or for a GTIN-8 the first three of its eight
    /// (GS1-8 prefixes share the numbering).
    /// </summary>
    public static string Of(Gtin gtin) => gtin.IsGtin8 ? gtin.ToString()[6..9] : gtin.ToString()[1..4];

    public static string Of(Gln gln) => gln.ToString()[..3];

    /// <summary>The GS1 prefix of an SSCC: after the extension digit.</summary>
    public static string Of(Sscc sscc) => sscc.ToString()[1..4];

    /// <summary>
    /// ISO 3166-1 alpha-2 code of the GS1 Member Organisation that allocates numbers under this prefix
    /// ("VN" for 893), or null for special uses (restricted circulation, coupons, ISBN…) and unassigned prefixes.
    /// </summary>
    public static string? CountryOf(string gs1Prefix)
    {
        var allocation = AllocationOf(gs1Prefix);
        return allocation is { Length: 2 } && char.IsAsciiLetterUpper(allocation[0]) ? allocation : null;
    }

    public static string? CountryOf(Gtin gtin) => CountryOf(Of(gtin));

    public static string? CountryOf(Gln gln) => CountryOf(Of(gln));

    /// <summary>The country code, or a special use such as "restricted", "coupon", "isbn"; null when unassigned.</summary>
    public static string? AllocationOf(string gs1Prefix)
    {
        if (gs1Prefix.Length != 3 || !Gs1Charset.IsAllDigits(gs1Prefix))
            return null;
        var n = int.Parse(gs1Prefix, System.Globalization.CultureInfo.InvariantCulture);
        foreach (var (from, to, allocation) in Ranges)
        {
            if (n >= from && n <= to)
                return allocation;
        }
        return null;
    }

    /// <summary>True when a GS1 Vietnam company prefix (893) is inside the GTIN; says nothing about where it was made.</summary>
    public static bool IsVietnam(Gtin gtin) => Of(gtin) == Vietnam;

    public static bool IsVietnam(Gln gln) => Of(gln) == Vietnam;

    public static bool IsVietnam(Sscc sscc) => Of(sscc) == Vietnam;
}
