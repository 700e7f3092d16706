using System.Security.Cryptography;
using System.Text;
using Gifting.Core.Funding;
using Gifting.Core.Ledger;

namespace Gifting.Core.Orders;

/// <summary>
/// An order as the buyer sent it, its lines already read and checked. <see cref="OrderId"/> is
/// <see cref="PlaceOrder.OrderIdFor"/> the request's idempotency key, so every run of the request is the same order.
/// </summary>
public sealed record PlaceOrderCommand(
    OrgId Org, string CreatedBy, string OrderId, Marketplace Marketplace, string? ExternalRef, string SenderName,
    DateTimeOffset? DeliverAt, IReadOnlyList<OrderLine> Lines);

/// <summary>
/// Takes an order in: indexes the work, stores the order (not yet visible) and its lines, reserves its total from the
/// org's funding, accepts it, and sends its chunk messages. Each step is create-only or once per order, so a run
/// after a crash, or beside another, walks the same steps to the same order; the sweeper finishes a run that nobody
/// repeats (section "Corporate orders" of the design). An order whose funding falls short is abandoned, unseen.
/// </summary>
public sealed class PlaceOrder(
    IOrderStore orders, IUnfinishedOrderIndex unfinished, OrderChunks chunks, FundingLedger funding,
    ReserveFunding reserve, OrderLimits limits, TimeProvider clock)
{
    /// <summary>The order a buyer's request names: the org, the buyer and their idempotency key, hashed.</summary>
    public static string OrderIdFor(OrgId org, string buyer, string idempotencyKey)
    {
        var input = Encoding.UTF8.GetBytes($"order\n{org.Value}\n{buyer}\n{idempotencyKey}");
        return Convert.ToHexStringLower(SHA256.HashData(input))[..32];
    }

    public async Task<Result<Order>> ExecuteAsync(PlaceOrderCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (command.Lines.Count is 0)
            return new Failure(ErrorCode.ValidationFailed, "An order needs at least one line.");
        var total = new Money(command.Lines.Sum(l => l.Amount.Amount), command.Marketplace.Currency);
        var fingerprint = Fingerprint(command);

        var existing = await orders.ReadAsync(command.Org, command.OrderId, cancellationToken);
        if (existing is not null && existing.Order.Fingerprint != fingerprint)
            return new Failure(ErrorCode.IdempotencyKeyMismatch, "This key first placed a different order.");
        if (existing?.Order.Visible == true)
            return await FinishAsync(existing, cancellationToken);

        // Refused before anything is written when the funding is plainly short; the reservation decides for real. An
        // order already stored may have reserved its total, which is then no longer available: its run goes on.
        if (existing is null && await PlainlyShortAsync(command.Org, total, cancellationToken) is { } refusal)
            return refusal;

        var entry = new UnfinishedOrder(command.Org, command.OrderId, clock.GetUtcNow());
        await unfinished.AddAsync(entry, cancellationToken);
        var stored = existing ?? await orders.CreateAsync(NewOrder(command, total, fingerprint), cancellationToken);
        if (stored.Order.Fingerprint != fingerprint)
            return new Failure(ErrorCode.IdempotencyKeyMismatch, "This key first placed a different order.");
        await orders.WriteLinesAsync(LinesOf(stored.Order, command.Lines), cancellationToken);

        var reserved = await reserve.ExecuteAsync(
            new ReserveFundingCommand(command.Org, command.OrderId, total), cancellationToken);
        if (!reserved.Succeeded)
        {
            await SettleAsync(stored, OrderStatus.Abandoned, cancellationToken);
            await unfinished.RemoveAsync(entry, cancellationToken);
            return reserved.Failure!;
        }
        // A run slow enough to look stopped may have had its order abandoned, or found missing, and its entry dropped
        // by the sweeper before the reservation landed: the acceptance gets an entry of its own, written first.
        var sending = entry with { Since = clock.GetUtcNow() };
        if (sending != entry) await unfinished.AddAsync(sending, cancellationToken);
        var accepted = await SettleAsync(stored, OrderStatus.Accepted, cancellationToken);
        var placed = await chunks.PublishOrLeaveAsync(accepted, sending, cancellationToken);
        if (sending != entry) await unfinished.RemoveAsync(entry, cancellationToken);
        return placed;
    }

    /// <summary>
    /// An accepted order asked for again: its messages are sent if an earlier run stopped before sending them.
    /// </summary>
    private async Task<Result<Order>> FinishAsync(StoredOrder stored, CancellationToken cancellationToken)
    {
        if (!stored.Order.Unpublished) return stored.Order;
        var entry = new UnfinishedOrder(stored.Order.Org, stored.Order.OrderId, clock.GetUtcNow());
        await unfinished.AddAsync(entry, cancellationToken);
        return await chunks.PublishOrLeaveAsync(stored, entry, cancellationToken);
    }

    /// <summary>
    /// Moves an order out of intake, to accepted once its funding is reserved or to abandoned when it cannot be.
    /// Whatever is reserved wins: an order abandoned by the sweeper while this run was reserving is accepted after all,
    /// and an accepted order is never abandoned.
    /// </summary>
    internal static Task<StoredOrder> SettleAsync(
        IOrderStore orders, StoredOrder stored, OrderStatus to, CancellationToken cancellationToken) =>
        orders.ChangeAsync(stored,
            order => order.Visible || order.Status == to ? null : order with { Status = to }, cancellationToken);

    private Task<StoredOrder> SettleAsync(StoredOrder stored, OrderStatus to, CancellationToken cancellationToken) =>
        SettleAsync(orders, stored, to, cancellationToken);

    private async Task<Failure?> PlainlyShortAsync(OrgId org, Money total, CancellationToken cancellationToken)
    {
        var latest = (await funding.ReadAsync(org, cancellationToken)).Latest;
        if (latest is null) return new Failure(ErrorCode.InsufficientFunds, "This org has no funding yet.");
        if (latest.Amount.Currency != total.Currency)
            return new Failure(ErrorCode.CurrencyMismatch,
                $"This org's funding is in {latest.Amount.Currency}; the order is in {total.Currency}.");
        return latest.After.Gift < total.Amount
            ? new Failure(ErrorCode.InsufficientFunds,
                $"The order's total is {total.Amount} minor units; the funding available is {latest.After.Gift}.")
            : null;
    }

    private Order NewOrder(PlaceOrderCommand command, Money total, string fingerprint) => new()
    {
        OrderId = command.OrderId,
        Org = command.Org,
        Status = OrderStatus.Intake,
        Marketplace = command.Marketplace,
        ExternalRef = command.ExternalRef,
        SenderName = command.SenderName,
        DeliverAt = command.DeliverAt,
        Total = total,
        LineCount = command.Lines.Count,
        ChunkSize = limits.ChunkSize,
        Salt = RandomNumberGenerator.GetBytes(32),
        CreatedAt = clock.GetUtcNow(),
        CreatedBy = command.CreatedBy,
        Fingerprint = fingerprint,
    };

    private static List<GiftLine> LinesOf(Order order, IReadOnlyList<OrderLine> lines) =>
        lines.Select((line, index) => new GiftLine
        {
            OrderId = order.OrderId,
            Org = order.Org,
            Index = index,
            Number = line.Number,
            RecipientName = line.RecipientName,
            Email = line.Email,
            Phone = line.Phone,
            Channel = line.Channel,
            Amount = line.Amount,
            Message = line.Message,
            Status = LineStatus.Pending,
        }).ToList();

    /// <summary>Everything the buyer asked for, in order, so the same key with another order is told apart.</summary>
    private static string Fingerprint(PlaceOrderCommand command)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        void Add(string? value)
        {
            var text = value ?? "\u0000";
            sha.AppendData(BitConverter.GetBytes(text.Length));
            sha.AppendData(Encoding.UTF8.GetBytes(text));
        }
        Add(command.Marketplace.Code);
        Add(command.ExternalRef);
        Add(command.SenderName);
        Add(command.DeliverAt?.ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture));
        foreach (var line in command.Lines)
        {
            Add(line.RecipientName);
            Add(line.Email);
            Add(line.Phone);
            Add(line.Channel.ToString());
            Add(line.Amount.ToString());
            Add(line.Message);
        }
        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }
}
