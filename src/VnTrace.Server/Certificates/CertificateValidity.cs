using System.Linq.Expressions;

namespace VnTrace.Server.Certificates;

/// <summary>Where a certificate stands on a given day.</summary>
public enum CertificateState
{
    Valid = 0,
    /// <summary>Still valid, but its last day is within <see cref="CertificateValidity.ExpiringWithinDays"/> days.</summary>
    Expiring = 1,
    /// <summary>Its last day has passed.</summary>
    Expired = 2,
    /// <summary>Issued with a start date still to come.</summary>
    NotYetValid = 3,
}

/// <summary>
/// The one place that decides whether a certificate is valid, expiring or expired. A certificate is valid through
/// the whole of its last day (ValidTo), in Vietnam's calendar: the issue asks for certificates "expired or expiring in
/// 30 days" to be flagged, so ValidTo = today + 30 is expiring and today + 31 is not.
/// </summary>
public static class CertificateValidity
{
    public const int ExpiringWithinDays = 30;

    /// <summary>The state on <paramref name="today"/>. An expired end date wins over a start date still to come.</summary>
    public static CertificateState StateOn(DateOnly validFrom, DateOnly? validTo, DateOnly today)
    {
        if (validTo is { } to && to < today)
            return CertificateState.Expired;
        if (validFrom > today)
            return CertificateState.NotYetValid;
        if (validTo is { } end && end <= today.AddDays(ExpiringWithinDays))
            return CertificateState.Expiring;
        return CertificateState.Valid;
    }

    public static CertificateState StateOn(Certificate c, DateOnly today) => StateOn(c.ValidFrom, c.ValidTo, today);

    /// <summary>
    /// <see cref="StateOn(DateOnly, DateOnly?, DateOnly)"/> as a filter the database runs, so lists page and count
    /// by state. A test checks both agree on every boundary.
    /// </summary>
    public static Expression<Func<Certificate, bool>> InState(CertificateState state, DateOnly today)
    {
        var horizon = today.AddDays(ExpiringWithinDays);
        return state switch
        {
            CertificateState.Expired => c => c.ValidTo != null && c.ValidTo < today,
            CertificateState.NotYetValid => c => c.ValidFrom > today && (c.ValidTo == null || c.ValidTo >= today),
            CertificateState.Expiring => c => c.ValidFrom <= today && c.ValidTo != null && c.ValidTo >= today && c.ValidTo <= horizon,
            CertificateState.Valid => c => c.ValidFrom <= today && (c.ValidTo == null || c.ValidTo > horizon),
            _ => throw new ArgumentOutOfRangeException(nameof(state)),
        };
    }

    /// <summary>Expired or expiring: what the dashboard flags.</summary>
    public static Expression<Func<Certificate, bool>> ExpiredOrExpiring(DateOnly today)
    {
        var horizon = today.AddDays(ExpiringWithinDays);
        return c => c.ValidTo != null && (c.ValidTo < today || (c.ValidTo <= horizon && c.ValidFrom <= today));
    }
}
