using CsCheck;

namespace Gifting.Integration.Tests.Reliability.Conservation;

/// <summary>Random histories from CsCheck generators: a seed gives the same history every time.</summary>
internal static class Histories
{
    private static readonly Gen<Op> Ops = Gen.Frequency(
        (6, Gen.Const(Op.Issue)), (8, Gen.Const(Op.Redeem)), (2, Gen.Const(Op.RedeemRace)),
        (8, Gen.Const(Op.Debit)), (3, Gen.Const(Op.DebitBurst)), (5, Gen.Const(Op.Refund)),
        (5, Gen.Const(Op.Grant)), (2, Gen.Const(Op.Expire)), (4, Gen.Const(Op.Adjust)),
        (3, Gen.Const(Op.Reverse)), (4, Gen.Const(Op.Reload)), (3, Gen.Const(Op.Fund)),
        (3, Gen.Const(Op.PlaceOrder)), (2, Gen.Const(Op.Deliver)), (3, Gen.Const(Op.RedeemLine)),
        (2, Gen.Const(Op.CancelCard)), (1, Gen.Const(Op.CancelOrder)));

    /// <summary>One step: arguments up to 9, a replay one time in four.</summary>
    public static readonly Gen<Step> Steps =
        Gen.Select(Ops, Gen.Int[0, 9], Gen.Int[0, 9], Gen.Int[0, 9], Gen.Int[0, 3],
            (op, a, b, c, replay) => new Step(op, a, b, c, replay == 0));

    /// <summary>The history of <paramref name="length"/> steps that <paramref name="seed"/> names.</summary>
    public static Step[] Generate(int seed, int length) =>
        Steps.Array[length].Generate(new PCG((uint)seed, (ulong)seed * 0x9E3779B97F4A7C15UL), null, out _);
}
