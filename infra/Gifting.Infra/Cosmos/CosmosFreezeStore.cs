using System.Globalization;
using Gifting.Core;
using Gifting.Core.Freezes;
using Microsoft.Azure.Cosmos;

namespace Gifting.Infra.Cosmos;

/// <summary>
/// Freeze records are create-only documents at <c>freeze-&lt;version&gt;</c> beside what they freeze: an account's in
/// its ledger partition (with an <c>opKey</c> no operation produces, for the container's unique key), a card's in the
/// partition of its serial in <c>cards</c>. An account's latest record is copied onto its account document.
/// </summary>
public sealed class CosmosFreezeStore(GiftingContainers containers, CosmosAccounts accounts) : IFreezeStore
{
    public async Task<bool> TryAddAsync(FreezeSubject subject, FreezeState state, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subject);
        ArgumentNullException.ThrowIfNull(state);
        var document = FreezeRecordDocument.Of(subject, state);
        try
        {
            await ContainerOf(subject).CreateItemAsync(document, new PartitionKey(subject.Id),
                cancellationToken: cancellationToken);
            return true;
        }
        catch (CosmosException e) when (e.IsConflict())
        {
            return false;
        }
    }

    public async Task<FreezeState?> FindAsync(FreezeSubject subject, int version, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subject);
        var (found, _) = await ContainerOf(subject).ReadOrNullAsync<FreezeRecordDocument>(
            FreezeRecordDocument.IdOf(version), subject.Id, cancellationToken);
        return found?.Freeze.ToState();
    }

    public Task ApplyToAccountAsync(AccountId account, FreezeState state, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(state);
        return accounts.UpdateAsync(account, a => (a.Freeze?.Version ?? 0) >= state.Version
            ? a
            : a with { Freeze = FreezeDocument.From(state) }, cancellationToken);
    }

    private Container ContainerOf(FreezeSubject subject) =>
        subject.Kind == FreezeSubjectKind.Account ? containers.Ledger : containers.Cards;
}

/// <summary>A freeze or an unfreeze: which, who, when and why, at its version.</summary>
internal sealed record FreezeDocument(int Version, bool Frozen, string Reason, string By, DateTimeOffset At)
{
    public static FreezeDocument? From(FreezeState? s) =>
        s is null ? null : new(s.Version, s.Frozen, s.Reason, s.By, s.At);

    public FreezeState ToState() => new(Version, Frozen, Reason, By, At);
}

/// <summary>One record of a freeze history, never changed once created.</summary>
internal sealed record FreezeRecordDocument(string Id, string Pk, string Subject, FreezeDocument Freeze)
{
    public string DocType { get; init; } = "freeze";

    /// <summary>Unique in its partition, as the ledger's unique key asks; no operation key looks like it.</summary>
    public string OpKey => Id;

    public static string IdOf(int version) => "freeze-" + version.ToString("D6", CultureInfo.InvariantCulture);

    public static FreezeRecordDocument Of(FreezeSubject subject, FreezeState state) =>
        new(IdOf(state.Version), subject.Id, subject.Kind.ToString().ToLowerInvariant(),
            FreezeDocument.From(state)!);
}
