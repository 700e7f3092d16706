using Gifting.Core.Idempotency;

namespace Gifting.Integration.Tests.Money;

/// <summary>A debit replayed after its idempotency record expired is still checked against the first request.</summary>
[Collection(CosmosCollection.Name)]
public sealed class DebitReplayTests(CosmosFixture cosmos) : IDisposable
{
    private readonly GiftingFactory _app = new(cosmos,
        services => services.Decorate<IIdempotencyStore>(inner => new ForgetfulIdempotencyStore(inner)));

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task Debit_ReplayedWithAnotherOrderAfterTheRecordIsGone_AnswersIdempotencyKeyMismatch()
    {
        var (shopper, account) = await _app.FundedShopperAsync(5000);
        var checkout = _app.ClientFor("checkout-1", "checkout");
        var key = Api.NewId("debit");

        using var first = await checkout.PostJsonAsync($"/api/accounts/{account}/debits",
            new { orderId = "order-1", amount = new { amount = 1000, currency = "USD" }, allowPartial = false }, key);
        using var otherOrder = await checkout.PostJsonAsync($"/api/accounts/{account}/debits",
            new { orderId = "order-2", amount = new { amount = 1000, currency = "USD" }, allowPartial = false }, key);
        using var otherAmount = await checkout.PostJsonAsync($"/api/accounts/{account}/debits",
            new { orderId = "order-1", amount = new { amount = 1500, currency = "USD" }, allowPartial = false }, key);
        using var same = await checkout.PostJsonAsync($"/api/accounts/{account}/debits",
            new { orderId = "order-1", amount = new { amount = 1000, currency = "USD" }, allowPartial = false }, key);

        Assert.Equal(201, (int)first.StatusCode);
        await otherOrder.AssertProblemAsync(422, "idempotency_key_mismatch");
        await otherAmount.AssertProblemAsync(422, "idempotency_key_mismatch");
        Assert.Equal(201, (int)same.StatusCode);
        Assert.False(same.Headers.Contains("Idempotent-Replayed"));
        Assert.Equal(
            (await first.JsonAsync()).GetProperty("debitId").GetString(),
            (await same.JsonAsync()).GetProperty("debitId").GetString());
        Assert.Equal(4000, await shopper.GiftBalanceAsync());
    }

    /// <summary>Forgets every finished request at once, as an expired record is forgotten after eight days.</summary>
    private sealed class ForgetfulIdempotencyStore(IIdempotencyStore inner) : IIdempotencyStore
    {
        public Task<IdempotencyBegin> TryBeginAsync(
            string key, string fingerprint, DateTimeOffset lockedUntil, CancellationToken cancellationToken) =>
            inner.TryBeginAsync(key, fingerprint, lockedUntil, cancellationToken);

        public Task<IdempotencyLease?> TryTakeOverAsync(
            IdempotencyRecord abandoned, DateTimeOffset lockedUntil, CancellationToken cancellationToken) =>
            inner.TryTakeOverAsync(abandoned, lockedUntil, cancellationToken);

        public Task<bool> CompleteAsync(IdempotencyLease lease, string fingerprint, int status, string? contentType,
            byte[] body, CancellationToken cancellationToken) =>
            inner.ReleaseAsync(lease, cancellationToken);

        public Task<bool> ReleaseAsync(IdempotencyLease lease, CancellationToken cancellationToken) =>
            inner.ReleaseAsync(lease, cancellationToken);
    }
}
