namespace Gifting.Integration.Tests.Reliability.Conservation;

/// <summary>
/// One command of a history. Its arguments are small numbers that the runner reads modulo what exists when the step
/// runs (the cards, orders and entries so far), so every subsequence of a history is a history too: that is what
/// lets the shrinker drop steps freely. Printing a step shows these numbers only, never a code or a token.
/// </summary>
/// <param name="Op">What the step does.</param>
/// <param name="A">First argument (see <see cref="Conservation.Op"/>).</param>
/// <param name="B">Second argument.</param>
/// <param name="C">Third argument.</param>
/// <param name="Replay">Send the request again under the same key (or the message again, or at once).</param>
internal sealed record Step(Op Op, int A, int B, int C, bool Replay)
{
    public override string ToString() => $"{Op}({A}, {B}, {C}{(Replay ? ", replay" : "")})";

    /// <summary>The same step with smaller arguments, for the shrinker to try.</summary>
    public IEnumerable<Step> Simpler()
    {
        if (Replay) yield return this with { Replay = false };
        if (A > 0) yield return this with { A = 0 };
        if (B > 0) yield return this with { B = 0 };
        if (C > 0) yield return this with { C = 0 };
    }
}
