using Gifting.Core;
using Gifting.Core.Balances;
using Gifting.Core.Cards;
using Gifting.Core.Codes;
using Gifting.Core.Ledger;
using Gifting.Core.Promotions;
using Gifting.Core.Redemptions;

namespace Gifting.Testing;

/// <summary>The core's use cases over in-memory stores, built by <see cref="CoreBuilder"/>.</summary>
public sealed partial class TestCore
{
    internal TestCore(
        FakeTimeProvider clock, InMemoryCardStore cards, InMemoryLedgerStore ledger, InMemoryAttemptLog attempts,
        CodeHasher hasher, ThrottleLimits limits, Func<ICardStore, ICardStore> decorateCards,
        Func<ILedgerStore, ILedgerStore> decorateLedger, ReviewPolicy review,
        InMemoryExpiryIndex expiryIndex, Func<IExpiryIndex, IExpiryIndex> decorateExpiries)
    {
        Clock = clock;
        Cards = cards;
        Ledger = ledger;
        Attempts = attempts;
        Hasher = hasher;
        var cardStore = decorateCards(cards);
        var ledgerStore = decorateLedger(ledger);
        AccountLedger = new AccountLedger(ledgerStore, clock);
        CompleteRedemption = new CompleteRedemption(cardStore, AccountLedger);
        Throttle = new RedemptionThrottle(attempts, limits, clock);
        RedeemCode = new RedeemCode(cardStore, hasher, AccountLedger, CompleteRedemption, Throttle, review, Holds);
        ReviewRedemption = new ReviewRedemption(cardStore, Holds, CompleteRedemption, clock);
        IssueCards = new IssueCards(cardStore, hasher, clock);
        ActivateCard = new ActivateCard(cardStore, clock);
        CancelCard = new CancelCard(cardStore, CompleteRedemption, clock);
        GetCard = new GetCard(cardStore, CompleteRedemption);
        GetBalance = new GetBalance(AccountLedger, Holds, clock);
        GetActivity = new GetActivity(AccountLedger, ledgerStore);
        GetPreferences = new GetPreferences(Preferences);
        SetPreferences = new SetPreferences(Preferences);
        ExpiryIndex = expiryIndex;
        (DebitAccount, CreditRefund, GrantPromotionalCredit, ExpirePromotionalCredits) =
            WireMoneyMovement(ledgerStore, decorateExpiries(expiryIndex));
    }

    public FakeTimeProvider Clock { get; }
    public InMemoryCardStore Cards { get; }
    public InMemoryLedgerStore Ledger { get; }
    public InMemoryAttemptLog Attempts { get; }
    public InMemoryPreferencesStore Preferences { get; } = new();
    public InMemoryHoldStore Holds { get; } = new();
    public ReviewRedemption ReviewRedemption { get; }
    public CodeHasher Hasher { get; }
    public AccountLedger AccountLedger { get; }
    public CompleteRedemption CompleteRedemption { get; }
    public RedemptionThrottle Throttle { get; }
    public RedeemCode RedeemCode { get; }
    public IssueCards IssueCards { get; }
    public ActivateCard ActivateCard { get; }
    public CancelCard CancelCard { get; }
    public GetCard GetCard { get; }
    public GetBalance GetBalance { get; }
    public GetActivity GetActivity { get; }
    public GetPreferences GetPreferences { get; }
    public SetPreferences SetPreferences { get; }

    public static TestCore Create() => new CoreBuilder().Build();

    public static AccountId Account(string name) => AccountId.Parse(name);

    /// <summary>Issues cards worth <paramref name="amount"/> minor units; digital and active unless told otherwise.</summary>
    public async Task<IReadOnlyList<IssuedCard>> IssueAsync(
        int count = 1, long amount = 25_00, string marketplace = "US", CardKind kind = CardKind.Digital, bool activated = true)
    {
        var market = Marketplace.Parse(marketplace);
        var command = new IssueCardsCommand(count, new Money(amount, market.Currency), market, kind, activated, "admin-test");
        var issued = await IssueCards.ExecuteAsync(command, CancellationToken.None);
        return issued.Succeeded ? issued.Value : throw new InvalidOperationException($"Issuing failed: {issued.Failure}");
    }

    public async Task<IssuedCard> IssueOneAsync(
        long amount = 25_00, string marketplace = "US", CardKind kind = CardKind.Digital, bool activated = true) =>
        (await IssueAsync(1, amount, marketplace, kind, activated))[0];

    public Task<Result<Redemption>> RedeemAsync(
        AccountId account, string code, string tokenMarketplace = "US", string? clientAddress = null) =>
        RedeemCode.ExecuteAsync(
            new RedeemCommand(account, Marketplace.Parse(tokenMarketplace), clientAddress, code), CancellationToken.None);

    public async Task<Balance> BalanceAsync(AccountId account, string tokenMarketplace = "US") =>
        await GetBalance.ExecuteAsync(account, Marketplace.Parse(tokenMarketplace), CancellationToken.None);

    public async Task<Card> CardAsync(string serial) =>
        (await Cards.FindBySerialAsync(serial, CancellationToken.None))?.Card
        ?? throw new InvalidOperationException($"No card {serial}.");
}
