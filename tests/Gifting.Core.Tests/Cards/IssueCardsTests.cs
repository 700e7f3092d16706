using Gifting.Core.Cards;
using Gifting.Core.Codes;
using Gifting.Testing;

namespace Gifting.Core.Tests.Cards;

public sealed class IssueCardsTests
{
    private readonly TestCore _core = TestCore.Create();

    [Fact]
    public async Task Issue_StoresOnlyTheHashOfEachCode()
    {
        var issued = await _core.IssueAsync(count: 50);

        Assert.Equal(50, _core.Cards.Cards.Count);
        Assert.Equal(50, issued.Select(i => i.Card.Serial).Distinct().Count());
        foreach (var (card, code) in issued)
        {
            Assert.Equal(_core.Hasher.Hash(CodePurpose.ClaimCode, code.Normalized), card.CodeHash);
            Assert.Matches("^[0-9]{16}$", card.Serial);
        }
    }

    [Theory]
    [InlineData(0, 100, "USD")]
    [InlineData(1001, 100, "USD")]
    [InlineData(1, 0, "USD")]
    [InlineData(1, 100_000_001, "USD")]
    [InlineData(1, 100, "EUR")]
    public async Task Issue_WhenCommandOutOfBounds_ReturnsValidationFailed(int count, long amount, string currency)
    {
        var command = new IssueCardsCommand(
            count, new Money(amount, currency), Marketplace.Default, CardKind.Digital, true, "admin");

        var result = await _core.IssueCards.ExecuteAsync(command, CancellationToken.None);

        Assert.Equal(ErrorCode.ValidationFailed, result.Failure?.Code);
        Assert.Empty(_core.Cards.Cards);
    }
}
