using BenchmarkDotNet.Attributes;
using Gifting.Core.Cards;
using Gifting.Core.Codes;
using Gifting.Testing;

namespace Gifting.Benchmarks;

/// <summary>Issuing a code (CSPRNG + check symbol + HMAC) and reading one back as a person typed it.</summary>
[MemoryDiagnoser]
[MedianColumn]
public class CodeBenchmarks
{
    private readonly CodeHasher _hasher = new([CoreBuilder.NewKey(1)], 1);
    private string _typed = "";

    [GlobalSetup]
    public void Setup() => _typed = ClaimCode.Generate().Display.ToLowerInvariant();

    [Benchmark]
    public string GenerateAndHash() => _hasher.Hash(CodePurpose.ClaimCode, ClaimCode.Generate().Normalized);

    [Benchmark]
    public ClaimCodeParse ParseTypedForm() => ClaimCode.Parse(_typed);
}
