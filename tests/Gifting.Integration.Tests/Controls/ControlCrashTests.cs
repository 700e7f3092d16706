using System.Net;
using Gifting.Core.Freezes;
using Gifting.Core.Ledger;
using Gifting.Testing;

namespace Gifting.Integration.Tests.Controls;

/// <summary>
/// Each new money route stopped at each write boundary against the emulator (after the entry's create, and after the
/// account document's patch), then retried: the entry lands once and the balance moves once.
/// </summary>
[Collection(CosmosCollection.Name)]
public sealed class ControlCrashTests(CosmosFixture cosmos)
{
    public static TheoryData<string, string> Boundaries => new()
    {
        { "reload", "after-create" }, { "reload", "after-apply" },
        { "adjustment", "after-create" }, { "adjustment", "after-apply" },
        { "reversal", "after-create" }, { "reversal", "after-apply" },
    };

    [Theory]
    [MemberData(nameof(Boundaries))]
    public async Task MoneyRoute_StoppedAtAWriteBoundaryAndRetried_PostsOnce(string route, string boundary)
    {
        var faults = new CosmosFaults();
        using var app = new GiftingFactory(cosmos, services =>
        {
            CosmosFaults.Install(services, cosmos, faults);
            if (boundary == "after-apply")
                services.Decorate<ILedgerStore>(inner => new CrashingOnType(inner, TypeOf(route)));
        });
        var (shopper, account) = await app.FundedShopperAsync(10_00);
        var credit = route == "reversal"
            ? await (await app.AdjustAsync(account, "adj-0", "credit", 5_00)).EntryIdAsync()
            : "";
        Task<HttpResponseMessage> Run() => route switch
        {
            "reload" => app.ReloadAsync(account, "pay-1", 5_00),
            "adjustment" => app.AdjustAsync(account, "adj-1", "debit", 5_00),
            _ => app.ReverseAsync(account, credit),
        };
        // The entry is created, then the account document's patch is refused: the process died in between.
        if (boundary == "after-create")
            faults.Inject(r => CosmosFaults.Targets(r, "ledger") && r.Method == HttpMethod.Patch,
                HttpStatusCode.ServiceUnavailable, limit: 1);

        using var failed = await Run();
        faults.Clear();
        using var retried = await Run();

        Assert.True((int)failed.StatusCode >= 500, $"the first attempt answered {(int)failed.StatusCode}");
        var expected = route switch { "reload" => 15_00, "adjustment" => 5_00, _ => 10_00 };
        Assert.Equal(route == "reversal" ? 409 : 201, (int)retried.StatusCode);
        Assert.Equal(expected, await shopper.GiftBalanceAsync());
        var types = await shopper.ActivityTypesAsync();
        Assert.Single(types, t => t == route);
        Assert.Equal(route == "reversal" ? 3 : 2, types.Count);
    }

    private static EntryType TypeOf(string route) => route switch
    {
        "reload" => EntryType.Reload,
        "adjustment" => EntryType.Adjustment,
        _ => EntryType.Reversal,
    };

    /// <summary>Crashes once, after the first entry of its type is appended and applied; the setup's pass.</summary>
    private sealed class CrashingOnType(ILedgerStore inner, EntryType type) : DelegatingLedgerStore(inner)
    {
        private int _crashed;

        public override async Task<bool> TryAppendAsync(LedgerEntry entry, CancellationToken cancellationToken)
        {
            var appended = await base.TryAppendAsync(entry, cancellationToken);
            if (appended && entry.Type == type && Interlocked.Exchange(ref _crashed, 1) == 0)
                throw new SimulatedCrashException();
            return appended;
        }
    }

    [Fact]
    public async Task AccountFreeze_StoppedAfterItsRecordAndRetried_RecordsOnceAndFreezes()
    {
        using var app = new GiftingFactory(cosmos,
            services => services.Decorate<IFreezeStore>(inner => new CrashingFreezeStore(inner)));
        var (shopper, account) = await app.FundedShopperAsync(10_00);

        using var failed = await app.FreezeAccountAsync(account);
        using var retried = await app.FreezeAccountAsync(account);

        Assert.Equal(500, (int)failed.StatusCode);
        Assert.Equal(200, (int)retried.StatusCode);
        await (await app.ReloadAsync(account, "pay-1", 1_00)).AssertProblemAsync(409, "account_frozen");
        var record = await app.Services.GetRequiredService<IFreezeStore>()
            .FindAsync(FreezeSubject.Account(Core.AccountId.Parse(account)), 2, CancellationToken.None);
        Assert.Null(record);
        Assert.Equal(10_00, await shopper.GiftBalanceAsync());
    }
}
