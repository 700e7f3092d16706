using System.Runtime.ExceptionServices;
using Gifting.Core.Funding;
using Gifting.Core.Ledger;

namespace Gifting.Core.Orders;

/// <summary>
/// <see cref="Due"/> index entries were read; <see cref="Published"/> had messages still to send, and
/// <see cref="Abandoned"/> were intakes that had reserved nothing.
/// </summary>
public sealed record OrderSweepSummary(int Due, int Published, int Abandoned);

/// <summary>
/// The order sweeper's work: reads only the order work indexed at or before <c>upTo</c> and finishes it as the run
/// that stopped would have. An intake whose funding was reserved is accepted and its messages sent; one that reserved
/// nothing is abandoned, unseen (the buyer's retry under the same key takes it up again). An accepted or cancelled
/// order whose messages were not all confirmed sent has them sent again, under the same ids. Running it again changes
/// nothing.
/// </summary>
public sealed class SweepOrders(
    IOrderStore orders, IUnfinishedOrderIndex index, OrderChunks chunks, IFundingLedgerStore funding)
{
    private const int BatchSize = 100;

    public async Task<OrderSweepSummary> ExecuteAsync(DateTimeOffset upTo, CancellationToken cancellationToken)
    {
        var (due, published, abandoned) = (0, 0, 0);
        // An entry that fails stays in the index for the next run; the others must not wait behind it.
        var failed = new Dictionary<UnfinishedOrder, Exception>();
        while (true)
        {
            var batch = (await index.DueAsync(upTo, BatchSize + failed.Count, cancellationToken))
                .Where(e => !failed.ContainsKey(e)).Take(BatchSize).ToList();
            foreach (var entry in batch)
            {
                try
                {
                    switch (await FinishAsync(entry, cancellationToken))
                    {
                        case Outcome.Published: published++; break;
                        case Outcome.Abandoned: abandoned++; break;
                    }
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    failed[entry] = e;
                }
            }
            due += batch.Count;
            if (batch.Count < BatchSize) break;
        }
        if (failed.Count == 1) ExceptionDispatchInfo.Throw(failed.Values.Single());
        if (failed.Count > 1)
            throw new AggregateException($"{failed.Count} unfinished orders could not be finished.", failed.Values);
        return new OrderSweepSummary(due, published, abandoned);
    }

    private enum Outcome
    {
        Nothing,
        Published,
        Abandoned,
    }

    private async Task<Outcome> FinishAsync(UnfinishedOrder entry, CancellationToken cancellationToken)
    {
        var stored = await orders.ReadAsync(entry.Org, entry.OrderId, cancellationToken);
        if (stored is null)
        {
            // The intake stopped before it stored the order: nothing was written that needs finishing.
            await index.RemoveAsync(entry, cancellationToken);
            return Outcome.Nothing;
        }
        var outcome = Outcome.Nothing;
        if (!stored.Order.Visible)
        {
            var reservation = await funding.FindByOpKeyAsync(
                FundingLedger.AccountOf(entry.Org), OpKeys.OrderReservation(entry.OrderId), cancellationToken);
            var to = reservation is null ? OrderStatus.Abandoned : OrderStatus.Accepted;
            stored = await PlaceOrder.SettleAsync(orders, stored, to, cancellationToken);
            if (!stored.Order.Visible) outcome = Outcome.Abandoned;
        }
        if (stored.Order.Unpublished) outcome = Outcome.Published;
        await chunks.PublishAsync(stored, entry, cancellationToken);
        return outcome;
    }
}
