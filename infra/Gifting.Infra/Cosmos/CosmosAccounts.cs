using System.Collections.Immutable;
using System.Globalization;
using Gifting.Core;
using Gifting.Core.Balances;
using Gifting.Core.Concurrency;
using Gifting.Core.Ledger;
using Gifting.Core.Redemptions;
using Microsoft.Azure.Cosmos;
using Microsoft.Extensions.Logging;

namespace Gifting.Infra.Cosmos;

/// <summary>
/// One document per account, <c>account</c> in its ledger partition: a copy of the latest entry applied to it, the
/// holds and the preferences, so everything a balance answer shows is one point read. The entries stay the truth: an
/// entry is created first, then applied here with a patch that only lands on the sequence number before it, so the
/// document never moves back or skips an entry. A crash between the two leaves an entry created but not applied;
/// the next append at that sequence number clashes with it and applies it before anything else is decided.
/// Holds and preferences change by a replace with the document's ETag, which a concurrent patch turns into a retry.
/// The same documents in the <c>funding</c> container are the orgs' funding accounts.
/// </summary>
public sealed partial class CosmosAccounts(Container ledger, ILogger<CosmosAccounts> logger)
{
    private const string Id = "account";
    private const int ApplyAttempts = 3;

    /// <summary>The shoppers' accounts, in the <c>ledger</c> container.</summary>
    public CosmosAccounts(GiftingContainers containers, ILogger<CosmosAccounts> logger)
        : this(containers.Ledger, logger)
    {
    }

    private Container Ledger => ledger;

    public async Task<AccountState> ReadAsync(AccountId account, CancellationToken cancellationToken)
    {
        var (document, _) = await Ledger.ReadOrNullAsync<AccountDocument>(Id, account.Value, cancellationToken);
        return document?.ToState(account) ?? AccountState.Empty;
    }

    /// <summary>
    /// Applies an entry that exists to the account, unless it is already applied. Losing this write costs nothing but
    /// time: the entry is found and applied by the next append at its sequence number, which a retry of its own
    /// operation always makes.
    /// </summary>
    internal async Task ApplyAsync(CosmosLedgerStore.EntryDocument entry, CancellationToken cancellationToken)
    {
        var partition = new PartitionKey(entry.Pk);
        var previous = (entry.Seq - 1).ToString(CultureInfo.InvariantCulture);
        for (var attempt = 0; attempt < ApplyAttempts; attempt++)
        {
            try
            {
                await Ledger.PatchItemAsync<AccountDocument>(Id, partition,
                    [PatchOperation.Set("/seq", entry.Seq), PatchOperation.Set("/latest", entry)],
                    new PatchItemRequestOptions { FilterPredicate = $"FROM c WHERE c.seq = {previous}" },
                    cancellationToken);
                return;
            }
            catch (CosmosException e) when (e.IsStale())
            {
                return; // Already past the entry before it: this entry, applied by someone else.
            }
            catch (CosmosException e) when (e.IsNotFound())
            {
                // An entry after the first was decided on the account document at the number before it, so that
                // document exists: only a first entry can find none.
                if (entry.Seq != 1) return;
                var first = AccountDocument.New(entry.Pk) with { Seq = 1, Latest = entry };
                if (await TryCreateAsync(first, cancellationToken) is not null) return;
            }
        }
        LogNotApplied(logger, entry.Seq, ApplyAttempts);
    }

    /// <summary>Changes the holds or the preferences from a fresh read, until a write lands on what it read.</summary>
    internal async Task UpdateAsync(
        AccountId account, Func<AccountDocument, AccountDocument> change, CancellationToken cancellationToken)
    {
        await OptimisticRetry.RunAsync<bool>($"the account document of {account}", async () =>
        {
            var (document, etag) = await Ledger.ReadOrNullAsync<AccountDocument>(Id, account.Value, cancellationToken);
            return document is null
                ? await TryCreateAsync(change(AccountDocument.New(account.Value)), cancellationToken)
                : await TryReplaceAsync(change(document), etag!, cancellationToken);
        }, cancellationToken);
    }

    private async Task<Result<bool>?> TryReplaceAsync(
        AccountDocument document, string etag, CancellationToken cancellationToken)
    {
        try
        {
            await Ledger.ReplaceItemAsync(document, Id, new PartitionKey(document.Pk),
                new ItemRequestOptions { IfMatchEtag = etag }, cancellationToken);
            return true;
        }
        catch (CosmosException e) when (e.IsStale())
        {
            return null; // Changed since the read: read again.
        }
    }

    /// <summary>True once created; null when someone created it meanwhile, to be changed instead.</summary>
    private async Task<Result<bool>?> TryCreateAsync(AccountDocument document, CancellationToken cancellationToken)
    {
        try
        {
            await Ledger.CreateItemAsync(document, new PartitionKey(document.Pk), cancellationToken: cancellationToken);
            return true;
        }
        catch (CosmosException e) when (e.IsConflict())
        {
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Ledger entry {Seq} was not applied to its account after {Attempts} attempts; the next append does")]
    private static partial void LogNotApplied(ILogger logger, long seq, int attempts);

    internal sealed record HoldDocument(string CardId, string Serial, string RedemptionId, Money Amount);

    internal sealed record PreferencesDocument(bool ApplyToOrders, bool ApplyToSubscriptions);

    /// <summary>
    /// The account document. Its <c>opKey</c> <c>"account"</c> satisfies the container's unique key; no operation in
    /// <see cref="OpKeys"/> produces it.
    /// </summary>
    internal sealed record AccountDocument(
        string Id, string Pk, long Seq, CosmosLedgerStore.EntryDocument? Latest, IReadOnlyList<HoldDocument> Holds,
        PreferencesDocument? Preferences)
    {
        public string DocType { get; init; } = "account";
        public string OpKey { get; init; } = "account";

        /// <summary>The latest freeze record applied; the records themselves are documents of their own.</summary>
        public FreezeDocument? Freeze { get; init; }

        public static AccountDocument New(string pk) => new(CosmosAccounts.Id, pk, 0, null, [], null);

        public AccountState ToState(AccountId account) => new(
            Latest?.ToEntry(account),
            (Holds ?? []).Select(h => new Hold(h.CardId, h.Serial, h.RedemptionId, h.Amount)).ToImmutableArray(),
            Preferences is { } p ? new Preferences(p.ApplyToOrders, p.ApplyToSubscriptions) : null)
        {
            Freeze = Freeze?.ToState(),
        };
    }
}
