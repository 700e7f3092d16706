using System.Collections.Immutable;
using System.Globalization;
using Gifting.Core;
using Gifting.Core.Ledger;
using Microsoft.Azure.Cosmos;
using Microsoft.Extensions.Logging;

namespace Gifting.Infra.Cosmos;

/// <summary>
/// An account's ledger is one logical partition. Each entry is one document whose id is its zero-padded sequence
/// number, created create-only, with a unique key on the operation key: a lost race or a replay is a 409 and nothing
/// else. A small <c>head</c> document remembers the latest sequence number as a hint; the entries are the truth, so
/// reading the latest entry probes forward from the hint until a sequence number is free.
/// </summary>
public sealed partial class CosmosLedgerStore(GiftingContainers containers, ILogger<CosmosLedgerStore> logger)
    : ILedgerStore
{
    private const string HeadId = "head";
    private const int HeadAttempts = 3;

    private Container Ledger => containers.Ledger;

    public async Task<LedgerEntry?> ReadLatestAsync(AccountId account, CancellationToken cancellationToken)
    {
        var (head, _) = await Ledger.ReadOrNullAsync<HeadDocument>(HeadId, account.Value, cancellationToken);
        var seq = head?.Seq ?? 0;
        EntryDocument? latest = null;
        if (seq > 0)
        {
            (latest, _) = await Ledger.ReadOrNullAsync<EntryDocument>(EntryId(seq), account.Value, cancellationToken);
            if (latest is null)
                throw new InvalidOperationException($"The ledger head of {account} points past its entries.");
        }
        while (true)
        {
            var (next, _) =
                await Ledger.ReadOrNullAsync<EntryDocument>(EntryId(seq + 1), account.Value, cancellationToken);
            if (next is null) return latest?.ToEntry(account);
            latest = next;
            seq++;
        }
    }

    public async Task<bool> TryAppendAsync(LedgerEntry entry, CancellationToken cancellationToken)
    {
        try
        {
            await Ledger.CreateItemAsync(
                EntryDocument.From(entry), new PartitionKey(entry.Account.Value), cancellationToken: cancellationToken);
        }
        catch (CosmosException e) when (e.IsConflict())
        {
            return false;
        }
        await AdvanceHeadAsync(entry.Account, entry.Seq, cancellationToken);
        return true;
    }

    public async Task<LedgerEntry?> FindByOpKeyAsync(
        AccountId account, string opKey, CancellationToken cancellationToken)
    {
        var query = new QueryDefinition("SELECT * FROM c WHERE c.pk = @pk AND c.docType = 'entry' AND c.opKey = @opKey")
            .WithParameter("@pk", account.Value)
            .WithParameter("@opKey", opKey);
        var found = await Ledger.QueryPartitionAsync<EntryDocument>(query, account.Value, cancellationToken);
        return found.Count == 0 ? null : found[0].ToEntry(account);
    }

    public async Task<IReadOnlyList<LedgerEntry>> FindByReferenceAsync(
        AccountId account, string reference, long upToSeq, CancellationToken cancellationToken)
    {
        var query = new QueryDefinition("SELECT * FROM c WHERE c.pk = @pk AND c.docType = 'entry'"
                + " AND c.reference = @reference AND c.seq <= @upTo")
            .WithParameter("@pk", account.Value)
            .WithParameter("@reference", reference)
            .WithParameter("@upTo", upToSeq);
        var found = await Ledger.QueryPartitionAsync<EntryDocument>(query, account.Value, cancellationToken);
        return found.Select(e => e.ToEntry(account)).ToList();
    }

    public async Task<IReadOnlyList<LedgerEntry>> ReadDescendingAsync(
        AccountId account, long fromSeq, int count, CancellationToken cancellationToken)
    {
        var query = new QueryDefinition("SELECT * FROM c WHERE c.pk = @pk AND c.docType = 'entry'"
                + " AND c.seq >= @low AND c.seq <= @high")
            .WithParameter("@pk", account.Value)
            .WithParameter("@low", Math.Max(1, fromSeq - count + 1))
            .WithParameter("@high", fromSeq);
        var found = await Ledger.QueryPartitionAsync<EntryDocument>(query, account.Value, cancellationToken);
        return found.OrderByDescending(e => e.Seq).Select(e => e.ToEntry(account)).ToList();
    }

    /// <summary>
    /// Moves the hint forward, never back. Losing this write only costs the next reader more probes, so when the head
    /// keeps vanishing between "not found" and "already exists" the posting stands after a few rounds, without it.
    /// </summary>
    private async Task AdvanceHeadAsync(AccountId account, long seq, CancellationToken cancellationToken)
    {
        var partition = new PartitionKey(account.Value);
        for (var attempt = 0; attempt < HeadAttempts; attempt++)
        {
            try
            {
                var onlyForward = $"FROM c WHERE c.seq < {seq.ToString(CultureInfo.InvariantCulture)}";
                await Ledger.PatchItemAsync<HeadDocument>(HeadId, partition, [PatchOperation.Set("/seq", seq)],
                    new PatchItemRequestOptions { FilterPredicate = onlyForward }, cancellationToken);
                return;
            }
            catch (CosmosException e) when (e.IsStale())
            {
                return; // Someone already moved the head past this entry.
            }
            catch (CosmosException e) when (e.IsNotFound())
            {
                if (await TryCreateHeadAsync(account, seq, partition, cancellationToken)) return;
            }
        }
        LogHeadNotAdvanced(logger, seq, HeadAttempts);
    }

    private async Task<bool> TryCreateHeadAsync(
        AccountId account, long seq, PartitionKey partition, CancellationToken cancellationToken)
    {
        try
        {
            var head = new HeadDocument(HeadId, account.Value, seq);
            await Ledger.CreateItemAsync(head, partition, cancellationToken: cancellationToken);
            return true;
        }
        catch (CosmosException e) when (e.IsConflict())
        {
            // Another writer created it first: patch that one.
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "The ledger head was not moved to {Seq} after {Attempts} attempts; readers probe forward")]
    private static partial void LogHeadNotAdvanced(ILogger logger, long seq, int attempts);

    private static string EntryId(long seq) => "entry-" + seq.ToString("D12", CultureInfo.InvariantCulture);

    /// <summary>
    /// The head hint, one per account partition. Its <c>opKey</c> <c>"head"</c> satisfies the container's unique key;
    /// no operation in <see cref="OpKeys"/> produces it.
    /// </summary>
    internal sealed record HeadDocument(string Id, string Pk, long Seq)
    {
        public string DocType { get; init; } = "head";
        public string OpKey { get; init; } = "head";
    }

    internal sealed record LotDocument(string LotId, long Amount, DateTimeOffset ExpiresAt, string Source)
    {
        public static List<LotDocument> From(IEnumerable<PromoLot> lots) =>
            lots.Select(l => new LotDocument(l.LotId, l.Amount, l.ExpiresAt, l.Source)).ToList();

        public static ImmutableArray<PromoLot> ToLots(IEnumerable<LotDocument> lots) =>
            lots.Select(l => new PromoLot(l.LotId, l.Amount, l.ExpiresAt, l.Source)).ToImmutableArray();
    }

    internal sealed record AllocationDocument(
        long Gift, IReadOnlyList<LotDocument> Lots, IReadOnlyList<LotDocument> Forfeited)
    {
        public static AllocationDocument? From(Allocation? a) =>
            a is null ? null : new(a.Gift, LotDocument.From(a.Lots), LotDocument.From(a.Forfeited));

        public Allocation ToAllocation() => new(Gift, LotDocument.ToLots(Lots), LotDocument.ToLots(Forfeited));
    }

    /// <summary>
    /// A ledger entry: create-only at <c>entry-&lt;seq&gt;</c>, its <c>opKey</c> from <see cref="OpKeys"/>, unique in
    /// the account's partition, so a second posting of one operation is a conflict.
    /// </summary>
    internal sealed record EntryDocument(
        string Id, string Pk, long Seq, string OpKey, EntryType Type, Money Amount, long Gift,
        IReadOnlyList<LotDocument> Lots, string Marketplace, DateTimeOffset OccurredAt, string Reference,
        AllocationDocument? Allocation = null, string? Fingerprint = null)
    {
        public string DocType { get; init; } = "entry";

        public static EntryDocument From(LedgerEntry e) => new(
            EntryId(e.Seq), e.Account.Value, e.Seq, e.OpKey, e.Type, e.Amount, e.After.Gift,
            LotDocument.From(e.After.Lots), e.Marketplace.Code, e.OccurredAt, e.Reference,
            AllocationDocument.From(e.Allocation), e.Fingerprint);

        public LedgerEntry ToEntry(AccountId account) => new(
            account, Seq, OpKey, Type, Amount, new BalanceState(Gift, LotDocument.ToLots(Lots)),
            Core.Marketplace.Parse(Marketplace), OccurredAt, Reference, Allocation?.ToAllocation(), Fingerprint);
    }
}
