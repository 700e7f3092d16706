using FsCheck;
using FsCheck.Fluent;
using Gifting.Core.Codes;
using Gifting.Core.Tests.Support;

namespace Gifting.Core.Tests.Codes;

/// <summary>
/// The check symbol's promises, over codes built from FsCheck's random prefixes. The check symbol is found by trying
/// all 32, so these tests do not repeat the algorithm they check.
/// </summary>
public sealed class ClaimCodePropertyTests
{
    private static readonly Config Runs = Config.QuickThrowOnFailure.WithMaxTest(2_000);

    private static Arbitrary<string> ValidCodes { get; } = Gen.Elements(ClaimCode.Alphabet.ToCharArray())
        .ArrayOf(ClaimCode.RandomSymbols)
        .Select(prefix => WithCheckSymbol(new string(prefix)))
        .ToArbitrary();

    [Fact]
    public void EveryPrefix_HasExactlyOneCheckSymbol()
    {
        Check.One(Runs, Prop.ForAll(ValidCodes, code => ClaimCode.Parse(code).Code?.Normalized == code));
    }

    [Fact]
    public void Parse_CatchesEverySingleSymbolSubstitution()
    {
        Check.One(Runs, Prop.ForAll(ValidCodes, code =>
        {
            for (var position = 0; position < ClaimCode.Length; position++)
            {
                foreach (var symbol in ClaimCode.Alphabet)
                {
                    if (symbol == code[position]) continue;
                    if (ClaimCode.Parse(Mistype.Substitute(code, position, symbol)) != ClaimCodeParse.Typo)
                        return false;
                }
            }
            return true;
        }));
    }

    [Fact]
    public void Parse_CatchesEveryAdjacentTransposition()
    {
        Check.One(Runs, Prop.ForAll(ValidCodes, code =>
        {
            for (var position = 0; position < ClaimCode.Length - 1; position++)
            {
                if (code[position] == code[position + 1]) continue;
                if (ClaimCode.Parse(Mistype.SwapWithNext(code, position)) != ClaimCodeParse.Typo) return false;
            }
            return true;
        }));
    }

    [Fact]
    public void Parse_ReadsBackEveryGeneratedCodeInAnyCase()
    {
        var generated = Gen.Fresh(ClaimCode.Generate).ToArbitrary();

        Check.One(Runs, Prop.ForAll(generated, code =>
            ClaimCode.Parse(code.Display).Code?.Normalized == code.Normalized
            && ClaimCode.Parse(code.Display.ToLowerInvariant()).Code?.Normalized == code.Normalized));
    }

    private static string WithCheckSymbol(string prefix)
    {
        var valid = ClaimCode.Alphabet.Where(c => ClaimCode.Parse(prefix + c).Code is not null).ToList();
        return valid.Count == 1
            ? prefix + valid[0]
            : throw new InvalidOperationException($"{valid.Count} check symbols fit.");
    }
}
