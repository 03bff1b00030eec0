using VnTrace.Server.Products;

namespace VnTrace.Server.Programme.Risk;

/// <summary>
/// The risk level of goods, Law 78/2025/QH15 and Decree 37/2026/NĐ-CP: R = k × C × P, with C (consequence) and P
/// (probability) integers 1–5 and the coefficient k in 0.5–2.0; low when R &lt; 4.5, medium when 4.5 ≤ R &lt; 16,
/// high when R ≥ 16 (bounds inclusive as the decree writes them).
/// </summary>
public static class RiskRule
{
    public const decimal MinK = 0.5m;
    public const decimal MaxK = 2.0m;
    public const int MinScore = 1;
    public const int MaxScore = 5;
    public const decimal MediumFrom = 4.5m;
    public const decimal HighFrom = 16m;

    /// <summary>R and its level, or the refusals naming each input out of range.</summary>
    public static (decimal R, RiskLevel Level, IReadOnlyList<Refusal> Refusals) Classify(decimal? k, decimal? c, decimal? p)
    {
        var refusals = new List<Refusal>();
        if (k is not { } kv || kv < MinK || kv > MaxK)
            refusals.Add(Refusal.Invalid($"k (the coefficient) must be between {MinK:0.0} and {MaxK:0.0}.", "k"));
        if (!IsScore(c))
            refusals.Add(Refusal.Invalid($"c (consequence) must be a whole number from {MinScore} to {MaxScore}.", "c"));
        if (!IsScore(p))
            refusals.Add(Refusal.Invalid($"p (probability) must be a whole number from {MinScore} to {MaxScore}.", "p"));
        if (refusals.Count > 0)
            return (0, RiskLevel.Unknown, refusals);
        var r = k!.Value * c!.Value * p!.Value;
        return (r, LevelOf(r), []);
    }

    public static RiskLevel LevelOf(decimal r) => r >= HighFrom ? RiskLevel.High : r >= MediumFrom ? RiskLevel.Medium : RiskLevel.Low;

    private static bool IsScore(decimal? v) => v is { } x && x == decimal.Truncate(x) && x >= MinScore && x <= MaxScore;

    /// <summary>"low", "medium", "high" (the API's words), "unknown" when nothing classified it.</summary>
    public static string Word(RiskLevel level) => level.ToString().ToLowerInvariant();
}
