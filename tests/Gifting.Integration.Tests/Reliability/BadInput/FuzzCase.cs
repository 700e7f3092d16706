using CsCheck;

namespace Gifting.Integration.Tests.Reliability.BadInput;

/// <summary>What a body mutation does; <see cref="None"/> sends the route's well-formed body.</summary>
public enum BodyFault
{
    None, Truncated, Malformed, Huge, DeepTop, DeepMember, Unicode, WrongType, ExtremeNumber, DuplicateKey,
    MissingMember, ExtraMembers, InvalidUtf8, ByteOrderMark, Empty,
}

/// <summary>What a header mutation does; <see cref="None"/> sends the route's usual headers.</summary>
public enum HeaderFault
{
    None, NoContentType, WrongContentType, BadIdempotencyKey, MalformedAuthorization, HugeHeader, ManyHeaders,
    OddAccept,
}

/// <summary>
/// One generated case: which operation, and which fault of each kind (0: none) with a salt that picks the member,
/// the value and the sizes. Shrinking sets kinds back to none, one at a time.
/// </summary>
public sealed record FuzzCase(int Operation, BodyFault Body, int Path, int Query, HeaderFault Header, int Salt)
{
    public FuzzCase WithoutBody() => this with { Body = BodyFault.None };

    public FuzzCase WithoutPath() => this with { Path = 0 };

    public FuzzCase WithoutQuery() => this with { Query = 0 };

    public FuzzCase WithoutHeader() => this with { Header = HeaderFault.None };

    /// <summary>The generator: a body fault in most cases, the others in some, so each is seen alone too.</summary>
    public static Gen<FuzzCase> Gen(int operations)
    {
        var bodies = Enum.GetValues<BodyFault>().Length - 1;
        var headers = Enum.GetValues<HeaderFault>().Length - 1;
        var body = CsCheck.Gen.Frequency((1, CsCheck.Gen.Const(0)), (4, CsCheck.Gen.Int[1, bodies]));
        var path = CsCheck.Gen.Frequency((5, CsCheck.Gen.Const(0)),
            (1, CsCheck.Gen.Int[1, BadValues.PathSegments.Length]));
        var query = CsCheck.Gen.Frequency((4, CsCheck.Gen.Const(0)),
            (1, CsCheck.Gen.Int[1, BadValues.QueryValues.Length]));
        var header = CsCheck.Gen.Frequency((3, CsCheck.Gen.Const(0)), (1, CsCheck.Gen.Int[1, headers]));
        var first = CsCheck.Gen.Select(CsCheck.Gen.Int[0, operations - 1], body, path, (o, b, p) => (o, b, p));
        var second = CsCheck.Gen.Select(query, header, CsCheck.Gen.Int[0, int.MaxValue], (q, h, s) => (q, h, s));
        return CsCheck.Gen.Select(first, second, (a, b) =>
            new FuzzCase(a.o, (BodyFault)a.b, a.p, b.q, (HeaderFault)b.h, b.s));
    }

    /// <summary>Case <paramref name="index"/> of the run with <paramref name="seed"/>, replayable alone.</summary>
    public static T Draw<T>(Gen<T> gen, int seed, int index) =>
        gen.Generate(new PCG((uint)index, (ulong)(uint)seed), null, out _);
}
