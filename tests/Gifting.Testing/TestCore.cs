using Gifting.Core;
using Gifting.Core.Balances;
using Gifting.Core.Cards;
using Gifting.Core.Codes;
using Gifting.Core.Ledger;
using Gifting.Core.Redemptions;
using Microsoft.Extensions.DependencyInjection;

namespace Gifting.Testing;

/// <summary>
/// The core's use cases, built from the app's own registration (<see cref="GiftingCoreServices.AddGiftingCore"/>)
/// over in-memory stores by <see cref="CoreBuilder"/>.
/// </summary>
public sealed partial class TestCore
{
    private readonly ServiceProvider _services;

    internal TestCore(IServiceCollection services, FakeTimeProvider clock, InMemoryCardStore cards,
        InMemoryLedgerStore ledger, InMemoryHoldStore holds, InMemoryAttemptLog attempts,
        InMemoryExpiryIndex expiryIndex, InMemoryRefundClaims refundClaims, CodeHasher hasher)
    {
        Clock = clock;
        Cards = cards;
        Ledger = ledger;
        Holds = holds;
        Attempts = attempts;
        ExpiryIndex = expiryIndex;
        RefundClaims = refundClaims;
        Hasher = hasher;
        Preferences = ledger.Preferences;
        services.AddSingleton<IPreferencesStore>(Preferences);
        _services = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
    }

    public FakeTimeProvider Clock { get; }
    public InMemoryCardStore Cards { get; }
    public InMemoryLedgerStore Ledger { get; }
    public InMemoryAttemptLog Attempts { get; }
    public InMemoryPreferencesStore Preferences { get; }
    public InMemoryHoldStore Holds { get; }
    public CodeHasher Hasher { get; }
    public ReviewRedemption ReviewRedemption => Get<ReviewRedemption>();
    public AccountLedger AccountLedger => Get<AccountLedger>();
    public CompleteRedemption CompleteRedemption => Get<CompleteRedemption>();
    public RedemptionThrottle Throttle => Get<RedemptionThrottle>();
    public RedeemCode RedeemCode => Get<RedeemCode>();
    public IssueCards IssueCards => Get<IssueCards>();
    public ActivateCard ActivateCard => Get<ActivateCard>();
    public CancelCard CancelCard => Get<CancelCard>();
    public GetCard GetCard => Get<GetCard>();
    public GetBalance GetBalance => Get<GetBalance>();
    public GetActivity GetActivity => Get<GetActivity>();
    public GetPreferences GetPreferences => Get<GetPreferences>();
    public SetPreferences SetPreferences => Get<SetPreferences>();

    public static TestCore Create() => new CoreBuilder().Build();

    public static AccountId Account(string name) => AccountId.Parse(name);

    /// <summary>Any service the core registers, as the app would resolve it.</summary>
    public T Get<T>() where T : notnull => _services.GetRequiredService<T>();

    /// <summary>
    /// Issues a new batch of cards worth <paramref name="amount"/> minor units; digital and active unless told
    /// otherwise.
    /// </summary>
    public async Task<IReadOnlyList<NewCard>> IssueAsync(
        int count = 1, long amount = 25_00, string marketplace = "US", CardKind kind = CardKind.Digital,
        bool activated = true)
    {
        var market = Marketplace.Parse(marketplace);
        var command = new IssueCardsCommand(
            count, new Money(amount, market.Currency), market, kind, activated, "admin-test",
            Guid.NewGuid().ToString("N"));
        var issued = await IssueCards.ExecuteAsync(command, CancellationToken.None);
        return issued.Succeeded
            ? issued.Value
                .Select(i => new NewCard(
                    i.Card, i.Code ?? throw new InvalidOperationException("A new batch has every code.")))
                .ToList()
            : throw new InvalidOperationException($"Issuing failed: {issued.Failure}");
    }

    public async Task<NewCard> IssueOneAsync(
        long amount = 25_00, string marketplace = "US", CardKind kind = CardKind.Digital, bool activated = true) =>
        (await IssueAsync(1, amount, marketplace, kind, activated))[0];

    public Task<Result<Redemption>> RedeemAsync(
        AccountId account, string code, string tokenMarketplace = "US", string? clientAddress = null) =>
        RedeemCode.ExecuteAsync(
            new RedeemCommand(account, Marketplace.Parse(tokenMarketplace), clientAddress, code),
            CancellationToken.None);

    public async Task<Balance> BalanceAsync(AccountId account, string tokenMarketplace = "US") =>
        await GetBalance.ExecuteAsync(account, Marketplace.Parse(tokenMarketplace), CancellationToken.None);

    public async Task<Card> CardAsync(string serial) =>
        (await Cards.FindBySerialAsync(serial, CancellationToken.None))?.Card
        ?? throw new InvalidOperationException($"No card {serial}.");
}
