using System.Security.Cryptography;
using Gifting.Core;
using Gifting.Core.Cards;
using Gifting.Core.Codes;
using Gifting.Core.Delivery;
using Gifting.Core.Funding;
using Gifting.Core.Ledger;
using Gifting.Core.Messaging;
using Gifting.Core.Orders;
using Gifting.Core.Promotions;
using Gifting.Core.Redemptions;
using Microsoft.Extensions.DependencyInjection;

namespace Gifting.Testing;

/// <summary>
/// Wires the core use cases to in-memory stores with defaults that suit most tests: a fake clock, one random hash key
/// (version 1) and the default throttle limits. A decorator can stand between the use cases and a store, for example
/// to simulate a crash, while the test still inspects the store itself.
/// </summary>
public sealed partial class CoreBuilder
{
    private FakeTimeProvider _clock = new();
    private ThrottleLimits _limits = ThrottleLimits.Default;
    private HashKey[] _keys = [NewKey(1)];
    private int _currentKeyVersion = 1;
    private InMemoryCardStore _cards = new();
    private InMemoryLedgerStore _ledger = new();
    private Func<ICardStore, ICardStore> _decorateCards = s => s;
    private Func<ILedgerStore, ILedgerStore> _decorateLedger = s => s;

    private ReviewPolicy _review = ReviewPolicy.None;

    public static HashKey NewKey(int version) => new(version, RandomNumberGenerator.GetBytes(32));

    public CoreBuilder WithClock(FakeTimeProvider clock)
    {
        _clock = clock;
        return this;
    }

    public CoreBuilder WithLimits(ThrottleLimits limits)
    {
        _limits = limits;
        return this;
    }

    public CoreBuilder WithHashKeys(int currentVersion, params HashKey[] keys)
    {
        _keys = keys;
        _currentKeyVersion = currentVersion;
        return this;
    }

    /// <summary>
    /// Shares stores with another core, as a restarted app (say, after a key rotation) shares its database.
    /// </summary>
    public CoreBuilder WithStores(InMemoryCardStore cards, InMemoryLedgerStore ledger)
    {
        _cards = cards;
        _ledger = ledger;
        return this;
    }

    public CoreBuilder WithCardStore(Func<ICardStore, ICardStore> decorate)
    {
        _decorateCards = decorate;
        return this;
    }

    public CoreBuilder WithLedgerStore(Func<ILedgerStore, ILedgerStore> decorate)
    {
        _decorateLedger = decorate;
        return this;
    }

    /// <summary>
    /// The app's registration, with in-memory stores (decorated where a test asked) and test settings.
    /// </summary>
    public TestCore Build()
    {
        var hasher = new CodeHasher(_keys, _currentKeyVersion);
        var attempts = new InMemoryAttemptLog(_clock);
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(_clock);
        services.AddGiftingCore();
        services.AddSingleton(hasher);
        services.AddSingleton(_limits);
        services.AddSingleton(_review);
        services.AddSingleton(_promotions);
        services.AddSingleton<IAttemptLog>(attempts);
        services.AddSingleton(_decorateCards(_cards));
        services.AddSingleton(_decorateLedger(_ledger));
        services.AddSingleton(_decorateExpiries(_expiryIndex));
        services.AddSingleton(_decorateFreezes(_ledger.Freezes));
        services.AddSingleton<IRedemptionWindows>(_windows);
        services.AddSingleton<IReviewList>(new InMemoryReviewList(_ledger.Holds));
        services.AddSingleton(_velocity);
        var holds = _ledger.Holds;
        services.AddSingleton(_decorateHolds(holds));
        services.AddSingleton(_decorateUnfinished(_unfinished));
        services.AddSingleton(_decorateRefundClaims(_refundClaims));
        services.AddSingleton(_fundingLimits);
        services.AddSingleton<IFundingLedgerStore>(new FundingStore(_decorateFunding(_funding)));
        services.AddSingleton(_decorateOrders(_orders));
        services.AddSingleton<IUnfinishedOrderIndex>(_unfinishedOrders);
        services.AddSingleton<IMessagePublisher>(_publisher);
        services.AddSingleton(_orderLimits);
        services.AddSingleton(NewCipher());
        services.AddSingleton(_decorateLinks(_links));
        services.AddSingleton(_linkLimits);
        services.AddSingleton<IEmailSender>(_senders);
        services.AddSingleton<ISmsSender>(_senders);
        services.AddSingleton<IGiftMessageComposer, PlainComposer>();
        services.AddSingleton<Gifting.Core.Liability.ILiabilityTotals>(_liability);
        services.AddSingleton<IRejectedMessages>(new InMemoryRejectedMessages());
        return new TestCore(services, _clock, _cards, _ledger, holds, attempts, _expiryIndex, _refundClaims, hasher)
        {
            UnfinishedRedemptions = _unfinished,
            Funding = _funding,
            Orders = _orders,
            UnfinishedOrders = _unfinishedOrders,
            Publisher = _publisher,
            Links = _links,
            Senders = _senders,
            Liability = _liability,
        };
    }
}
