using VnTrace.Gs1.Identifiers;

namespace VnTrace.Server.Lookup;

/// <summary>
/// How the invalid-code page words a parse error for a person: the library's precise code folded into the few
/// kinds of mistake people make (<c>Invalid.Kind.*</c> in LookupText), so a new code needs no new sentence.
/// </summary>
public static class InvalidCodeWords
{
    public static string KindOf(Gs1ParseErrorCode code) => code switch
    {
        Gs1ParseErrorCode.BadCheckDigit or Gs1ParseErrorCode.BadCheckCharacters => "CheckDigit",
        Gs1ParseErrorCode.NotNumeric or Gs1ParseErrorCode.InvalidCharacter or Gs1ParseErrorCode.BadPercentEncoding => "Character",
        Gs1ParseErrorCode.WrongLength or Gs1ParseErrorCode.TooLong => "Length",
        Gs1ParseErrorCode.Empty or Gs1ParseErrorCode.DataMissing => "Missing",
        Gs1ParseErrorCode.UnknownAi or Gs1ParseErrorCode.NotADataAttribute => "UnknownAi",
        Gs1ParseErrorCode.DuplicateAi or Gs1ParseErrorCode.MissingRequisiteAi or Gs1ParseErrorCode.ExclusiveAis => "Pairing",
        Gs1ParseErrorCode.NoPrimaryKey => "NoPrimaryKey",
        Gs1ParseErrorCode.NotADigitalLink => "NotALink",
        Gs1ParseErrorCode.CompressedDigitalLink => "Compressed",
        Gs1ParseErrorCode.InvalidDate => "Date",
        _ => "Other",
    };
}
