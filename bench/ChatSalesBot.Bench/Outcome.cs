namespace ChatSalesBot.Bench;

/// <summary>One row of the results: a measured figure against its target (null when it is informational).</summary>
public sealed record Outcome(Sample? Sample, string Figure, string Measured, string Target, bool? Passed, string Note = "")
{
    public static Outcome Below(Sample? sample, string figure, double actual, double limit, string unit, string note = "") =>
        new(sample, figure, $"{actual:0.###} {unit}", $"≤ {limit:0.###} {unit}", actual <= limit, note);

    public static Outcome Above(Sample? sample, string figure, double actual, double limit, string unit, string note = "") =>
        new(sample, figure, $"{actual:0.#} {unit}", $"≥ {limit:0.#} {unit}", actual >= limit, note);

    public static Outcome Info(Sample? sample, string figure, string measured, string note = "") =>
        new(sample, figure, measured, "", null, note);
}
