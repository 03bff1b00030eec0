using VnTrace.Server.Certificates;

namespace VnTrace.Server.Tests.Certificates;

public sealed class CertificateValidityTests
{
    private static readonly DateOnly Today = new(2026, 11, 25);

    public static TheoryData<string, string?, CertificateState> Cases => new()
    {
        // The 30-day boundary: the last day of validity 30 days out is flagged, 31 is not.
        { "2025-01-01", "2026-12-25", CertificateState.Expiring },
        { "2025-01-01", "2026-12-26", CertificateState.Valid },
        // Valid through the whole of its last day.
        { "2025-01-01", "2026-11-25", CertificateState.Expiring },
        { "2025-01-01", "2026-11-24", CertificateState.Expired },
        { "2025-01-01", null, CertificateState.Valid },
        // Starts today: valid; starts tomorrow: not yet.
        { "2026-11-25", "2029-11-24", CertificateState.Valid },
        { "2026-11-26", "2029-11-25", CertificateState.NotYetValid },
        { "2026-11-26", null, CertificateState.NotYetValid },
        // A one-day certificate, today.
        { "2026-11-25", "2026-11-25", CertificateState.Expiring },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void State_on_a_day(string from, string? to, CertificateState expected) =>
        Assert.Equal(expected, CertificateValidity.StateOn(DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture), to is null ? null : DateOnly.Parse(to, System.Globalization.CultureInfo.InvariantCulture), Today));

    [Theory]
    [MemberData(nameof(Cases))]
    public void Database_filter_agrees_with_the_function(string from, string? to, CertificateState expected)
    {
        var certificate = new Certificate { Number = "x", Issuer = "y", ValidFrom = DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture), ValidTo = to is null ? null : DateOnly.Parse(to, System.Globalization.CultureInfo.InvariantCulture) };
        foreach (var state in Enum.GetValues<CertificateState>())
            Assert.Equal(state == expected, CertificateValidity.InState(state, Today).Compile()(certificate));
        Assert.Equal(expected is CertificateState.Expired or CertificateState.Expiring,
            CertificateValidity.ExpiredOrExpiring(Today).Compile()(certificate));
    }

    [Fact]
    public void Every_pair_of_dates_around_today_has_exactly_one_state_and_filters_agree()
    {
        for (var f = -40; f <= 40; f++)
        {
            for (var t = -40; t <= 40; t++)
            {
                var certificate = new Certificate { Number = "x", Issuer = "y", ValidFrom = Today.AddDays(f), ValidTo = t == 40 ? null : Today.AddDays(t) };
                var state = CertificateValidity.StateOn(certificate, Today);
                var matching = Enum.GetValues<CertificateState>().Where(s => CertificateValidity.InState(s, Today).Compile()(certificate)).ToList();
                Assert.Equal([state], matching);
            }
        }
    }
}
