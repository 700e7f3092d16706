using System.Collections.Immutable;
using System.Globalization;
using Gifting.Core;
using Gifting.Core.Ledger;
using Microsoft.Azure.Cosmos;

namespace Gifting.Infra.Cosmos;

/// <summary>
/// An account's ledger is one logical partition. Each entry is one document whose id is its zero-padded sequence
/// number, created create-only, with a unique key on the operation key: a lost race or a replay is a 409 and nothing
/// else. Once created, an entry is applied to the account document (<see cref="CosmosAccounts"/>), which is what a
/// read of the account returns in one point read. The orgs' funding ledgers are the same documents in another
/// container (<see cref="CosmosFundingStore"/>).
/// </summary>
public sealed class CosmosLedgerStore(Container ledger, CosmosAccounts accounts) : ILedgerStore
{
    /// <summary>The shoppers' ledgers, in the <c>ledger</c> container.</summary>
    public CosmosLedgerStore(GiftingContainers containers, CosmosAccounts accounts) : this(containers.Ledger, accounts)
    {
    }

    private Container Ledger => ledger;

    public Task<AccountState> ReadAccountAsync(AccountId account, CancellationToken cancellationToken) =>
        accounts.ReadAsync(account, cancellationToken);

    public async Task<bool> TryAppendAsync(LedgerEntry entry, CancellationToken cancellationToken)
    {
        var document = EntryDocument.From(entry);
        try
        {
            await Ledger.CreateItemAsync(
                document, new PartitionKey(entry.Account.Value), cancellationToken: cancellationToken);
        }
        catch (CosmosException e) when (e.IsConflict())
        {
            // The sequence number may be taken by an entry a crash left unapplied: apply it, so the caller's next read
            // is past it instead of clashing with it forever.
            var (taken, _) = await Ledger.ReadOrNullAsync<EntryDocument>(
                document.Id, document.Pk, cancellationToken);
            if (taken is not null) await accounts.ApplyAsync(taken, cancellationToken);
            return false;
        }
        await accounts.ApplyAsync(document, cancellationToken);
        return true;
    }

    public async Task<LedgerEntry?> FindByOpKeyAsync(
        AccountId account, string opKey, CancellationToken cancellationToken)
    {
        var query = new QueryDefinition("SELECT * FROM c WHERE c.pk = @pk AND c.docType = 'entry' AND c.opKey = @opKey")
            .WithParameter("@pk", account.Value)
            .WithParameter("@opKey", opKey);
        var found = await Ledger.QueryPartitionAsync<EntryDocument>(query, account.Value, cancellationToken);
        if (found.Count == 0) return null;
        // A replay answers from this entry, so the account must show it too: it may be the one a crash left unapplied.
        await accounts.ApplyAsync(found[0], cancellationToken);
        return found[0].ToEntry(account);
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

    private static string EntryId(long seq) => "entry-" + seq.ToString("D12", CultureInfo.InvariantCulture);

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
        AllocationDocument? Allocation = null, string? Fingerprint = null, NoteDocument? Note = null)
    {
        public string DocType { get; init; } = "entry";

        public static EntryDocument From(LedgerEntry e) => new(
            EntryId(e.Seq), e.Account.Value, e.Seq, e.OpKey, e.Type, e.Amount, e.After.Gift,
            LotDocument.From(e.After.Lots), e.Marketplace.Code, e.OccurredAt, e.Reference,
            AllocationDocument.From(e.Allocation), e.Fingerprint, NoteDocument.From(e.Note));

        public LedgerEntry ToEntry(AccountId account) => new(
            account, Seq, OpKey, Type, Amount, new BalanceState(Gift, LotDocument.ToLots(Lots)),
            Core.Marketplace.Parse(Marketplace), OccurredAt, Reference, Allocation?.ToAllocation(), Fingerprint,
            Note?.ToNote());
    }

    /// <summary>Who posted an operator's entry, and why.</summary>
    internal sealed record NoteDocument(string By, string? ReasonCode, string? Text)
    {
        public static NoteDocument? From(EntryNote? n) => n is null ? null : new(n.By, n.ReasonCode, n.Text);

        public EntryNote ToNote() => new(By, ReasonCode, Text);
    }
}
