using System.Collections.Frozen;

namespace VnTrace.Gs1.Identifiers;

/// <summary>
/// Every GS1 Application Identifier we know, as data (GS1 General Specifications §3; GS1 Barcode Syntax Dictionary).
/// Element strings, Digital Links and EPC conversions all read this one table; a test checks each row against the
/// dictionary in ../shared/standards/gs1-syntax.
/// </summary>
/// <remarks>
/// Each row: AI or AI range, flags (<see cref="Pre"/>: predefined length, no FNC1; <see cref="Dl"/>: allowed as a
/// Digital Link data attribute), the data format in the dictionary's component notation, the pairing rules in the
/// dictionary's notation ("req=01,02 ex=310n": each req= needs one of its '+'-joined groups beside the AI, ex= lists AIs
/// that must not appear with it; see <see cref="AiPairingRules"/>), the Digital Link primary-key declaration (null:
/// not a key; "": a key without qualifiers; "22,10,21|235": alternative qualifier sequences), title.
/// </remarks>
public static class ApplicationIdentifierTable
{
    private const int Pre = 1;
    private const int Dl = 2;

    private static readonly (string Ai, int Flags, string Format, string Pairing, string? DlKey, string Title)[] Rows =
    [
        ("00", Pre | Dl, "N18,csum,gcppos2", "", "", "SSCC"),
        ("01", Pre | Dl, "N14,csum,gcppos2", "ex=255,37", "22,10,21|235", "GTIN"),
        ("02", Pre | Dl, "N14,csum,gcppos2", "ex=01,03 req=37", null, "CONTENT"),
        ("03", Pre, "N14,csum,gcppos2", "ex=01,02,37", null, "MTO GTIN"),
        ("10", Dl, "X..20", "req=01,02,03,8006,8026", null, "BATCH/LOT"),
        ("11", Pre | Dl, "N6,yymmd0", "req=01,02,03,8006,8026", null, "PROD DATE"),
        ("12", Pre | Dl, "N6,yymmd0", "req=8020", null, "DUE DATE"),
        ("13", Pre | Dl, "N6,yymmd0", "req=01,02,03,8006,8026", null, "PACK DATE"),
        ("15", Pre | Dl, "N6,yymmd0", "req=01,02,03,8006,8026", null, "BEST BEFORE or BEST BY"),
        ("16", Pre | Dl, "N6,yymmd0", "req=01,02,03,8006,8026", null, "SELL BY"),
        ("17", Pre | Dl, "N6,yymmd0", "req=01,02,03,255,8006,8026", null, "USE BY or EXPIRY"),
        ("20", Pre | Dl, "N2", "req=01,02,8006,8026", null, "VARIANT"),
        ("21", 0, "X..20", "req=01,03,8006 ex=235", null, "SERIAL"),
        ("22", 0, "X..20", "req=01", null, "CPV"),
        ("235", 0, "X..28", "req=01", null, "TPX"),
        ("240", Dl, "X..30", "req=01,02,8006,8026", null, "ADDITIONAL ID"),
        ("241", Dl, "X..30", "req=01,02,8006,8026", null, "CUST. PART No."),
        ("242", Dl, "N..6", "req=01,02,8006,8026", null, "MTO VARIANT"),
        ("243", Dl, "X..20", "req=01", null, "PCN"),
        ("250", Dl, "X..30", "req=01,8006 req=21", null, "SECONDARY SERIAL"),
        ("251", Dl, "X..30", "req=01,8006", null, "REF. TO SOURCE"),
        ("253", Dl, "N13,csum,gcppos1 [X..17]", "", "", "GDTI"),
        ("254", 0, "X..20", "req=414", null, "GLN EXTENSION COMPONENT"),
        ("255", Dl, "N13,csum,gcppos1 [N..12]", "ex=01,02,415,8006,8020,8026", "", "GCN"),
        ("30", Dl, "N..8", "req=01,02", null, "VAR. COUNT"),
        ("3100-3105", Pre | Dl, "N6", "req=01,02 ex=310n", null, "NET WEIGHT (kg)"),
        ("3110-3115", Pre | Dl, "N6", "req=01,02 ex=311n", null, "LENGTH (m)"),
        ("3120-3125", Pre | Dl, "N6", "req=01,02 ex=312n", null, "WIDTH (m)"),
        ("3130-3135", Pre | Dl, "N6", "req=01,02 ex=313n", null, "HEIGHT (m)"),
        ("3140-3145", Pre | Dl, "N6", "req=01,02 ex=314n", null, "AREA (m²)"),
        ("3150-3155", Pre | Dl, "N6", "req=01,02 ex=315n", null, "NET VOLUME (l)"),
        ("3160-3165", Pre | Dl, "N6", "req=01,02 ex=316n", null, "NET VOLUME (m³)"),
        ("3200-3205", Pre | Dl, "N6", "req=01,02 ex=320n", null, "NET WEIGHT (lb)"),
        ("3210-3215", Pre | Dl, "N6", "req=01,02 ex=321n", null, "LENGTH (in)"),
        ("3220-3225", Pre | Dl, "N6", "req=01,02 ex=322n", null, "LENGTH (ft)"),
        ("3230-3235", Pre | Dl, "N6", "req=01,02 ex=323n", null, "LENGTH (yd)"),
        ("3240-3245", Pre | Dl, "N6", "req=01,02 ex=324n", null, "WIDTH (in)"),
        ("3250-3255", Pre | Dl, "N6", "req=01,02 ex=325n", null, "WIDTH (ft)"),
        ("3260-3265", Pre | Dl, "N6", "req=01,02 ex=326n", null, "WIDTH (yd)"),
        ("3270-3275", Pre | Dl, "N6", "req=01,02 ex=327n", null, "HEIGHT (in)"),
        ("3280-3285", Pre | Dl, "N6", "req=01,02 ex=328n", null, "HEIGHT (ft)"),
        ("3290-3295", Pre | Dl, "N6", "req=01,02 ex=329n", null, "HEIGHT (yd)"),
        ("3300-3305", Pre | Dl, "N6", "req=00,01 ex=330n", null, "GROSS WEIGHT (kg)"),
        ("3310-3315", Pre | Dl, "N6", "req=00,01 ex=331n", null, "LENGTH (m), log"),
        ("3320-3325", Pre | Dl, "N6", "req=00,01 ex=332n", null, "WIDTH (m), log"),
        ("3330-3335", Pre | Dl, "N6", "req=00,01 ex=333n", null, "HEIGHT (m), log"),
        ("3340-3345", Pre | Dl, "N6", "req=00,01 ex=334n", null, "AREA (m²), log"),
        ("3350-3355", Pre | Dl, "N6", "req=00,01 ex=335n", null, "VOLUME (l), log"),
        ("3360-3365", Pre | Dl, "N6", "req=00,01 ex=336n", null, "VOLUME (m³), log"),
        ("3370-3375", Pre | Dl, "N6", "req=01 ex=337n", null, "KG PER m²"),
        ("3400-3405", Pre | Dl, "N6", "req=00,01 ex=340n", null, "GROSS WEIGHT (lb)"),
        ("3410-3415", Pre | Dl, "N6", "req=00,01 ex=341n", null, "LENGTH (in), log"),
        ("3420-3425", Pre | Dl, "N6", "req=00,01 ex=342n", null, "LENGTH (ft), log"),
        ("3430-3435", Pre | Dl, "N6", "req=00,01 ex=343n", null, "LENGTH (yd), log"),
        ("3440-3445", Pre | Dl, "N6", "req=00,01 ex=344n", null, "WIDTH (in), log"),
        ("3450-3455", Pre | Dl, "N6", "req=00,01 ex=345n", null, "WIDTH (ft), log"),
        ("3460-3465", Pre | Dl, "N6", "req=00,01 ex=346n", null, "WIDTH (yd), log"),
        ("3470-3475", Pre | Dl, "N6", "req=00,01 ex=347n", null, "HEIGHT (in), log"),
        ("3480-3485", Pre | Dl, "N6", "req=00,01 ex=348n", null, "HEIGHT (ft), log"),
        ("3490-3495", Pre | Dl, "N6", "req=00,01 ex=349n", null, "HEIGHT (yd), log"),
        ("3500-3505", Pre | Dl, "N6", "req=01,02 ex=350n", null, "AREA (in²)"),
        ("3510-3515", Pre | Dl, "N6", "req=01,02 ex=351n", null, "AREA (ft²)"),
        ("3520-3525", Pre | Dl, "N6", "req=01,02 ex=352n", null, "AREA (yd²)"),
        ("3530-3535", Pre | Dl, "N6", "req=00,01 ex=353n", null, "AREA (in²), log"),
        ("3540-3545", Pre | Dl, "N6", "req=00,01 ex=354n", null, "AREA (ft²), log"),
        ("3550-3555", Pre | Dl, "N6", "req=00,01 ex=355n", null, "AREA (yd²), log"),
        ("3560-3565", Pre | Dl, "N6", "req=01,02 ex=356n", null, "NET WEIGHT (tr oz)"),
        ("3570-3575", Pre | Dl, "N6", "req=01,02 ex=357n", null, "NET VOLUME (oz)"),
        ("3600-3605", Pre | Dl, "N6", "req=01,02 ex=360n", null, "NET VOLUME (qt (US))"),
        ("3610-3615", Pre | Dl, "N6", "req=01,02 ex=361n", null, "NET VOLUME (gal.)"),
        ("3620-3625", Pre | Dl, "N6", "req=00,01 ex=362n", null, "VOLUME (qt (US)), log"),
        ("3630-3635", Pre | Dl, "N6", "req=00,01 ex=363n", null, "VOLUME (gal (US)), log"),
        ("3640-3645", Pre | Dl, "N6", "req=01,02 ex=364n", null, "NET VOLUME (in³)"),
        ("3650-3655", Pre | Dl, "N6", "req=01,02 ex=365n", null, "NET VOLUME (ft³)"),
        ("3660-3665", Pre | Dl, "N6", "req=01,02 ex=366n", null, "NET VOLUME (yd³)"),
        ("3670-3675", Pre | Dl, "N6", "req=00,01 ex=367n", null, "VOLUME (in³), log"),
        ("3680-3685", Pre | Dl, "N6", "req=00,01 ex=368n", null, "VOLUME (ft³), log"),
        ("3690-3695", Pre | Dl, "N6", "req=00,01 ex=369n", null, "VOLUME (yd³), log"),
        ("37", Dl, "N..8", "req=00 req=02,8026", null, "COUNT"),
        ("3900-3909", Dl, "N..15", "req=255,8020 ex=390n,391n,394n,8111", null, "AMOUNT"),
        ("3910-3919", Dl, "N3,iso4217 N..15", "req=8020 ex=391n", null, "AMOUNT"),
        ("3920-3929", Dl, "N..15", "req=01 req=30,31nn,32nn,35nn,36nn ex=392n,393n", null, "PRICE"),
        ("3930-3939", Dl, "N3,iso4217 N..15", "req=30,31nn,32nn,35nn,36nn ex=393n", null, "PRICE"),
        ("3940-3943", Dl, "N4", "req=255 ex=394n,8111", null, "PRCNT OFF"),
        ("3950-3955", Dl, "N6", "req=30,31nn,32nn,35nn,36nn ex=392n,393n,395n,8005", null, "PRICE/UoM"),
        ("400", Dl, "X..30", "", null, "ORDER NUMBER"),
        ("401", Dl, "X..30,gcppos1", "", "", "GINC"),
        ("402", Dl, "N17,csum,gcppos1", "", "", "GSIN"),
        ("403", Dl, "X..30", "req=00", null, "ROUTE"),
        ("410", Pre | Dl, "N13,csum,gcppos1", "", null, "SHIP TO LOC"),
        ("411", Pre | Dl, "N13,csum,gcppos1", "", null, "BILL TO"),
        ("412", Pre | Dl, "N13,csum,gcppos1", "", null, "PURCHASE FROM"),
        ("413", Pre | Dl, "N13,csum,gcppos1", "", null, "SHIP FOR LOC"),
        ("414", Pre | Dl, "N13,csum,gcppos1", "", "254|7040", "LOC No."),
        ("415", Pre | Dl, "N13,csum,gcppos1", "req=8020", "8020", "PAY TO"),
        ("416", Pre | Dl, "N13,csum,gcppos1", "", null, "PROD/SERV LOC"),
        ("417", Pre | Dl, "N13,csum,gcppos1", "", "7040", "PARTY"),
        ("420", Dl, "X..20", "ex=421", null, "SHIP TO POST"),
        ("421", Dl, "N3,iso3166 X..9", "ex=4307", null, "SHIP TO POST"),
        ("422", Dl, "N3,iso3166", "req=01,02,8006,8026 ex=426", null, "ORIGIN"),
        ("423", Dl, "N3,iso3166 [N3],iso3166 [N3],iso3166 [N3],iso3166 [N3],iso3166", "req=01,02 ex=426", null, "COUNTRY - INITIAL PROCESS"),
        ("424", Dl, "N3,iso3166", "req=01,02 ex=426", null, "COUNTRY - PROCESS"),
        ("425", Dl, "N3,iso3166 [N3],iso3166 [N3],iso3166 [N3],iso3166 [N3],iso3166", "req=01,02 ex=426", null, "COUNTRY - DISASSEMBLY"),
        ("426", Dl, "N3,iso3166", "req=01,02", null, "COUNTRY - FULL PROCESS"),
        ("427", Dl, "X..3", "req=01,02 req=422", null, "ORIGIN SUBDIVISION"),
        ("4300", Dl, "X..35,pcenc", "req=00", null, "SHIP TO COMP"),
        ("4301", Dl, "X..35,pcenc", "req=00", null, "SHIP TO NAME"),
        ("4302", Dl, "X..70,pcenc", "req=00", null, "SHIP TO ADD1"),
        ("4303", Dl, "X..70,pcenc", "req=4302", null, "SHIP TO ADD2"),
        ("4304", Dl, "X..70,pcenc", "req=00", null, "SHIP TO SUB"),
        ("4305", Dl, "X..70,pcenc", "req=00", null, "SHIP TO LOC"),
        ("4306", Dl, "X..70,pcenc", "req=00", null, "SHIP TO REG"),
        ("4307", Dl, "X2,iso3166alpha2", "req=00", null, "SHIP TO COUNTRY"),
        ("4308", Dl, "X..30", "req=00", null, "SHIP TO PHONE"),
        ("4309", Dl, "N10,latitude N10,longitude", "req=00", null, "SHIP TO GEO"),
        ("4310", Dl, "X..35,pcenc", "req=00", null, "RTN TO COMP"),
        ("4311", Dl, "X..35,pcenc", "req=00", null, "RTN TO NAME"),
        ("4312", Dl, "X..70,pcenc", "req=00", null, "RTN TO ADD1"),
        ("4313", Dl, "X..70,pcenc", "req=4312", null, "RTN TO ADD2"),
        ("4314", Dl, "X..70,pcenc", "req=00", null, "RTN TO SUB"),
        ("4315", Dl, "X..70,pcenc", "req=00", null, "RTN TO LOC"),
        ("4316", Dl, "X..70,pcenc", "req=00", null, "RTN TO REG"),
        ("4317", Dl, "X2,iso3166alpha2", "req=00", null, "RTN TO COUNTRY"),
        ("4318", Dl, "X..20", "req=00", null, "RTN TO POST"),
        ("4319", Dl, "X..30", "req=00", null, "RTN TO PHONE"),
        ("4320", Dl, "X..35,pcenc", "req=00", null, "SRV DESCRIPTION"),
        ("4321", Dl, "N1,yesno", "req=00", null, "DANGEROUS GOODS"),
        ("4322", Dl, "N1,yesno", "req=00", null, "AUTH TO LEAVE"),
        ("4323", Dl, "N1,yesno", "req=00", null, "SIG REQUIRED"),
        ("4324", Dl, "N6,yymmd0 N4,hhmi", "req=00", null, "NOT BEF DEL DT"),
        ("4325", Dl, "N6,yymmd0 N4,hhmi", "req=00", null, "NOT AFT DEL DT"),
        ("4326", Dl, "N6,yymmdd", "req=00", null, "REL DATE"),
        ("4330", Dl, "N6 [X1],hyphen", "req=00 ex=4331", null, "MAX TEMP F."),
        ("4331", Dl, "N6 [X1],hyphen", "req=00 ex=4330", null, "MAX TEMP C."),
        ("4332", Dl, "N6 [X1],hyphen", "req=00 ex=4333", null, "MIN TEMP F."),
        ("4333", Dl, "N6 [X1],hyphen", "req=00 ex=4332", null, "MIN TEMP C."),
        ("7001", Dl, "N13", "req=01,02,8006,8026", null, "NSN"),
        ("7002", Dl, "X..30", "req=01,02", null, "MEAT CUT"),
        ("7003", Dl, "N6,yymmdd N4,hhmi", "req=01,02", null, "EXPIRY TIME"),
        ("7004", Dl, "N..4", "req=01+10", null, "ACTIVE POTENCY"),
        ("7005", Dl, "X..12", "req=01,02", null, "CATCH AREA"),
        ("7006", Dl, "N6,yymmdd", "req=01,02", null, "FIRST FREEZE DATE"),
        ("7007", Dl, "N6,yymmdd [N6],yymmdd", "req=01,02", null, "HARVEST DATE"),
        ("7008", Dl, "X..3", "req=01,02", null, "AQUATIC SPECIES"),
        ("7009", Dl, "X..10", "req=01,02", null, "FISHING GEAR TYPE"),
        ("7010", Dl, "X..2", "req=01,02", null, "PROD METHOD"),
        ("7011", Dl, "N6,yymmdd [N4],hhmi", "req=01,02", null, "TEST BY DATE"),
        ("7020", Dl, "X..20", "req=01,8006 req=416", null, "REFURB LOT"),
        ("7021", Dl, "X..20", "req=01,8006", null, "FUNC STAT"),
        ("7022", Dl, "X..20", "req=7021", null, "REV STAT"),
        ("7023", Dl, "X..30,gcppos1", "", null, "GIAI - ASSEMBLY"),
        ("7030", Dl, "N3,iso3166999 X..27", "req=01,02", null, "PROCESSOR # 0"),
        ("7031", Dl, "N3,iso3166999 X..27", "req=01,02", null, "PROCESSOR # 1"),
        ("7032", Dl, "N3,iso3166999 X..27", "req=01,02", null, "PROCESSOR # 2"),
        ("7033", Dl, "N3,iso3166999 X..27", "req=01,02", null, "PROCESSOR # 3"),
        ("7034", Dl, "N3,iso3166999 X..27", "req=01,02", null, "PROCESSOR # 4"),
        ("7035", Dl, "N3,iso3166999 X..27", "req=01,02", null, "PROCESSOR # 5"),
        ("7036", Dl, "N3,iso3166999 X..27", "req=01,02", null, "PROCESSOR # 6"),
        ("7037", Dl, "N3,iso3166999 X..27", "req=01,02", null, "PROCESSOR # 7"),
        ("7038", Dl, "N3,iso3166999 X..27", "req=01,02", null, "PROCESSOR # 8"),
        ("7039", Dl, "N3,iso3166999 X..27", "req=01,02", null, "PROCESSOR # 9"),
        ("7040", 0, "N1 X1 X1 X1,importeridx", "", null, "UIC+EXT"),
        ("7041", 0, "X..4,packagetype", "req=00", null, "UFRGT UNIT TYPE"),
        ("710", Dl, "X..20", "req=01", null, "NHRN PZN"),
        ("711", Dl, "X..20", "req=01", null, "NHRN CIP"),
        ("712", Dl, "X..20", "req=01", null, "NHRN CN"),
        ("713", Dl, "X..20", "req=01", null, "NHRN DRN"),
        ("714", Dl, "X..20", "req=01", null, "NHRN AIM"),
        ("715", Dl, "X..20", "req=01", null, "NHRN NDC"),
        ("716", Dl, "X..20", "req=01", null, "NHRN AIC"),
        ("717", Dl, "X..20", "req=01", null, "NHRN SRN"),
        ("7230-7239", Dl, "X2 X..28", "req=01,8004", null, "CERT # n"),
        ("7240", Dl, "X..20", "req=01,8006", null, "PROTOCOL"),
        ("7241", Dl, "N2,mediatype", "req=8017,8018", null, "AIDC MEDIA TYPE"),
        ("7242", Dl, "X..25", "req=8017,8018", null, "VCN"),
        ("7250", Dl, "N8,yyyymmdd", "req=8018 ex=7251", null, "DOB"),
        ("7251", Dl, "N8,yyyymmdd N4,hhmi", "req=8018 ex=7250", null, "DOB TIME"),
        ("7252", Dl, "N1,iso5218", "req=8018", null, "BIO SEX"),
        ("7253", Dl, "X..40,pcenc", "req=8017,8018 ex=7256,7259", null, "FAMILY NAME"),
        ("7254", Dl, "X..40,pcenc", "req=8017,8018 ex=7256,7259", null, "GIVEN NAME"),
        ("7255", Dl, "X..10", "req=8017,8018 ex=7256,7259", null, "SUFFIX"),
        ("7256", Dl, "X..90,pcenc", "req=8017,8018", null, "FULL NAME"),
        ("7257", Dl, "X..70,pcenc", "req=8018", null, "PERSON ADDR"),
        ("7258", Dl, "X3,posinseqslash", "req=8018+7259", null, "BIRTH SEQUENCE"),
        ("7259", Dl, "X..40,pcenc", "req=8018 ex=7256", null, "BABY"),
        ("8001", Dl, "N4,nonzero N5,nonzero N3,nonzero N1,winding N1", "req=01", null, "DIMENSIONS"),
        ("8002", Dl, "X..20", "", null, "CMT No."),
        ("8003", Dl, "N1,zero N13,csum,gcppos1 [X..16]", "", "", "GRAI"),
        ("8004", Dl, "X..30,gcppos1", "", "7040", "GIAI"),
        ("8005", Dl, "N6", "req=01,02", null, "PRICE PER UNIT"),
        ("8006", Dl, "N14,csum,gcppos2 N4,pieceoftotal", "ex=01,37", "22,10,21", "ITIP"),
        ("8007", Dl, "X..34,iban", "req=415", null, "IBAN"),
        ("8008", Dl, "N6,yymmdd N2,hh [N2],mi [N2],ss", "req=01,02", null, "PROD TIME"),
        ("8009", Dl, "X..50", "req=00,01", null, "OPTSEN"),
        ("8010", Dl, "Y..30,gcppos1", "", "8011", "CPID"),
        ("8011", 0, "N..12,nozeroprefix", "req=8010", null, "CPID SERIAL"),
        ("8012", Dl, "X..20", "req=01,8006", null, "VERSION"),
        ("8013", Dl, "X..25,csumalpha,gcppos1", "", "", "GMN"),
        ("8014", 0, "X..25,csumalpha,gcppos1,hasnondigit", "req=01", null, "MUDI"),
        ("8017", Dl, "N18,csum,gcppos1", "ex=8018", "8019", "GSRN - PROVIDER"),
        ("8018", Dl, "N18,csum,gcppos1", "ex=8017", "8019", "GSRN - RECIPIENT"),
        ("8019", 0, "N..10", "req=8017,8018", null, "SRIN"),
        ("8020", 0, "X..25", "req=415", null, "REF No."),
        ("8026", Dl, "N14,csum,gcppos2 N4,pieceoftotal", "req=37 ex=02,8006", null, "ITIP CONTENT"),
        ("8030", Dl, "Z..90", "req=00,01+21,253,255,8003,8004,8006+21,8010+8011,8017,8018", null, "DIGSIG"),
        ("8040", 0, "N15", "req=01+21", null, "IMEI"),
        ("8041", 0, "N15", "req=01+21+8040", null, "IMEI2"),
        ("8042", 0, "N32", "req=01+21+8040", null, "ESIM"),
        ("8043", 0, "N18 [N..2]", "req=01+21+8040", null, "PSIM"),
        ("8110", Dl, "X..70,couponcode", "", null, "COUPON CODE"),
        ("8111", Dl, "N4", "req=255", null, "POINTS"),
        ("8112", Dl, "X..70,couponposoffer", "", null, "COUPON POS OFFER"),
        ("8200", 0, "X..70", "req=01", null, "PRODUCT URL"),
        ("90", Dl, "X..30", "", null, "INTERNAL"),
        ("91-99", Dl, "X..90", "", null, "INTERNAL"),
    ];

    private static readonly FrozenDictionary<string, ApplicationIdentifier> byCode = Build();
    private static readonly FrozenDictionary<string, ApplicationIdentifier>.AlternateLookup<ReadOnlySpan<char>> bySpan =
        byCode.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>All AIs, in code order.</summary>
    public static IReadOnlyList<ApplicationIdentifier> All { get; } = [.. byCode.Values.OrderBy(a => a.Code, StringComparer.Ordinal)];

    public static bool TryGet(ReadOnlySpan<char> code, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out ApplicationIdentifier? ai) =>
        bySpan.TryGetValue(code, out ai);

    /// <summary>The AI in the table; throws for an unknown code (for code that names AIs as constants).</summary>
    public static ApplicationIdentifier Get(string code) =>
        byCode.TryGetValue(code, out var ai) ? ai : throw new KeyNotFoundException($"AI ({code}) is not in the table");

    /// <summary>
    /// The AI that <paramref name="data"/> starts with. GS1 AIs are prefix-free (no AI is the start of another),
    /// so at most one of the 2, 3 and 4 digit candidates matches.
    /// </summary>
    public static bool TryMatchPrefix(ReadOnlySpan<char> data, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out ApplicationIdentifier? ai)
    {
        for (var length = 2; length <= 4 && length <= data.Length; length++)
        {
            if (bySpan.TryGetValue(data[..length], out ai))
                return true;
        }
        ai = null;
        return false;
    }

    private static FrozenDictionary<string, ApplicationIdentifier> Build()
    {
        var map = new Dictionary<string, ApplicationIdentifier>(StringComparer.Ordinal);
        foreach (var (codes, flags, format, pairing, dlKey, title) in Rows)
        {
            var components = format.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(AiComponent.Parse).ToArray();
            var rules = pairing.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            AiRequisite[] requisites = [.. rules.Where(r => r.StartsWith("req=", StringComparison.Ordinal)).Select(r => AiRequisite.Parse(r[4..]))];
            AiPattern[] exclusions = [.. rules.Where(r => r.StartsWith("ex=", StringComparison.Ordinal)).SelectMany(r => r[3..].Split(',')).Select(p => new AiPattern(p))];
            IReadOnlyList<IReadOnlyList<string>>? qualifiers = dlKey switch
            {
                null => null,
                "" => [Array.Empty<string>()],
                _ => [.. dlKey.Split('|').Select(seq => (IReadOnlyList<string>)seq.Split(','))],
            };
            foreach (var code in Expand(codes))
            {
                map.Add(code, new ApplicationIdentifier
                {
                    Code = code,
                    Title = title.EndsWith("# n", StringComparison.Ordinal) ? $"{title[..^1]}{code[^1] - '0' + 1}" : title,
                    Components = components,
                    RequiresFnc1 = (flags & Pre) == 0,
                    IsDigitalLinkDataAttribute = (flags & Dl) != 0,
                    DigitalLinkQualifiers = qualifiers,
                    Requisites = requisites,
                    Exclusions = exclusions,
                });
            }
        }
        return map.ToFrozenDictionary(StringComparer.Ordinal);
    }

    private static IEnumerable<string> Expand(string codes)
    {
        var dash = codes.IndexOf('-');
        if (dash < 0)
        {
            yield return codes;
            yield break;
        }
        var first = int.Parse(codes.AsSpan(0, dash), System.Globalization.CultureInfo.InvariantCulture);
        var last = int.Parse(codes.AsSpan(dash + 1), System.Globalization.CultureInfo.InvariantCulture);
        for (var n = first; n <= last; n++)
            yield return n.ToString(System.Globalization.CultureInfo.InvariantCulture).PadLeft(dash, '0');
    }
}
