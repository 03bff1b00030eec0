using VnTrace.Gs1.Identifiers;
using VnTrace.Server.Gs1Allocation;

namespace VnTrace.Server.Tests.Gs1Allocation;

public sealed class Gs1AllocatorTests
{
    private static Gs1Allocator Province(string prefix = "893999", int businessDigits = 3)
    {
        Assert.True(Gs1Allocator.TryCreate(new Gs1AllocationOptions { Prefix = prefix, BusinessDigits = businessDigits }, out var allocator, out var error), error?.Message);
        return allocator;
    }

    [Fact]
    public void Businesses_get_the_prefix_followed_by_their_number()
    {
        var allocator = Province();

        Assert.Equal(1000, allocator.Capacity);
        Assert.True(allocator.TryCompanyPrefix(0, out var first, out _));
        Assert.True(allocator.TryCompanyPrefix(42, out var other, out _));
        Assert.Equal("893999000", first.Digits);
        Assert.Equal("893999042", other.Digits);
        Assert.True(other.IsVietnam);
        Assert.Equal(1000, other.ReferenceCapacity);
    }

    [Fact]
    public void Allocated_gtins_and_glns_are_valid_distinct_GS1_keys()
    {
        var allocator = Province();
        var gtins = new HashSet<string>();
        var glns = new HashSet<string>();
        for (var business = 0; business < 5; business++)
        {
            Assert.True(allocator.TryCompanyPrefix(business, out var prefix, out _));
            for (var n = 0; n < prefix.ReferenceCapacity; n += 37)
            {
                Assert.True(Gs1Allocator.TryGtin(prefix, n, out var gtin, out var error), error?.Message);
                Assert.True(Gs1Allocator.TryGln(prefix, n, out var gln, out error), error?.Message);
                var gtinText = gtin.ToString();
                Assert.Equal(14, gtinText.Length);
                Assert.Equal('0', gtinText[0]); // a GTIN-13 in its 14-digit form
                Assert.StartsWith(prefix.Digits, gtinText[1..]);
                Assert.True(Gs1CheckDigit.IsValid(gtinText));
                Assert.True(Gs1CheckDigit.IsValid(gln.ToString()));
                Assert.StartsWith(prefix.Digits, gln.ToString());
                Assert.Equal("893", gtin.Gs1Prefix);
                Assert.True(gtins.Add(gtinText));
                Assert.True(glns.Add(gln.ToString()));
            }
        }
    }

    [Fact]
    public void The_same_number_always_gives_the_same_key()
    {
        var prefix = CompanyPrefix.Parse("893999042");
        Assert.True(Gs1Allocator.TryGtin(prefix, 7, out var a, out _));
        Assert.True(Gs1Allocator.TryGtin(prefix, 7, out var b, out _));
        Assert.Equal(a, b);
        // 893999042007 + check digit 4 (GS1 mod-10: weights 3,1,… from the right).
        Assert.Equal("08939990420074", a.ToString());
    }

    [Fact]
    public void An_exhausted_range_says_how_much_it_held()
    {
        var allocator = Province(businessDigits: 2);
        Assert.True(allocator.TryCompanyPrefix(99, out _, out _));
        Assert.False(allocator.TryCompanyPrefix(100, out _, out var error));
        Assert.Contains("exhausted", error.Message);
        Assert.Contains("holds 100 company prefixes (89399900 to 89399999)", error.Message);
        Assert.False(allocator.TryCompanyPrefix(-1, out _, out error));
        Assert.Contains("negative", error.Message);
    }

    [Fact]
    public void An_exhausted_company_prefix_reports_its_capacity()
    {
        var prefix = CompanyPrefix.Parse("8939990421"); // 10 digits: references 00–99
        Assert.True(Gs1Allocator.TryGtin(prefix, 99, out _, out _));
        Assert.False(Gs1Allocator.TryGtin(prefix, 100, out _, out var error));
        Assert.Contains("room for 100 GTINs (item references 00 to 99)", error.Message);
        Assert.False(Gs1Allocator.TryGln(prefix, 100, out _, out error));
        Assert.Contains("room for 100 GLNs (location references 00 to 99)", error.Message);

        var longest = CompanyPrefix.Parse("893123456789");
        Assert.Equal(1, longest.ReferenceCapacity);
        Assert.True(Gs1Allocator.TryGln(longest, 0, out var only, out _));
        Assert.Equal("8931234567891".Length, only.ToString().Length);
        Assert.False(Gs1Allocator.TryGln(longest, 1, out _, out error));
        Assert.Contains("room for one GLN only", error.Message);
    }

    [Theory]
    [InlineData("8935678", true, null)]
    [InlineData(" 893567890 ", true, null)]
    [InlineData("0614141", true, null)] // a US company prefix: a business may hold one from another GS1 Member Organisation
    [InlineData("89356", false, "has 5 digits")]
    [InlineData("8935678901234", false, "has 13 digits")]
    [InlineData("893-5678", false, "'-' at position 3 is not a digit")]
    [InlineData("", false, "empty")]
    [InlineData("2001234", false, "reserved for restricted numbers")]
    [InlineData("9771234", false, "reserved for issn numbers")]
    public void A_business_own_company_prefix_is_checked(string input, bool valid, string? message)
    {
        Assert.Equal(valid, CompanyPrefix.TryParse(input, out var prefix, out var error));
        if (valid)
            Assert.Equal(input.Trim(), prefix.Digits);
        else
            Assert.Contains(message!, error!.Message);
    }

    [Theory]
    [InlineData(null, 3, "Prefix is not set")]
    [InlineData("89399A", 3, "'A' at position 5 is not a digit")]
    [InlineData("89", 3, "shorter than a GS1 prefix")]
    [InlineData("020999", 3, "does not start with a GS1 prefix allocated")]
    [InlineData("893999", 0, "BusinessDigits is 0")]
    [InlineData("893999", 6, "make 12-digit company prefixes")]
    [InlineData("893", 2, "make 5-digit company prefixes")]
    public void An_invalid_configuration_is_refused(string? prefix, int businessDigits, string message)
    {
        Assert.False(Gs1Allocator.TryCreate(new Gs1AllocationOptions { Prefix = prefix, BusinessDigits = businessDigits }, out _, out var error));
        Assert.Contains(message, error.Message);
        Assert.False(Gs1Allocator.TryCreate(null, out _, out _));
    }

    [Fact]
    public void A_key_needs_a_company_prefix()
    {
        Assert.False(Gs1Allocator.TryGtin(default, 0, out _, out var error));
        Assert.Contains("No company prefix", error.Message);
    }
}
