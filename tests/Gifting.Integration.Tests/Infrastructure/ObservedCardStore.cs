using Gifting.Core.Cards;

namespace Gifting.Integration.Tests.Infrastructure;

/// <summary>
/// Stands between the app and its card store: counts the cards really created, can hold the first create until the
/// test lets it go (then passes it on or fails it), and can fail every create after the first few, as a process that
/// dies mid-batch.
/// </summary>
public sealed class ObservedCardStore
{
    private int _created;
    private int _attempts;
    private int _held;

    public bool HoldFirst { get; init; }

    /// <summary>
    /// Creates beyond this many throw, once the first ones have landed, until it is set back to null.
    /// </summary>
    public int? FailAfter { get; set; }

    public int Created => Volatile.Read(ref _created);
    public TaskCompletionSource Entered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private TaskCompletionSource Landed { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>True lets the held create through; false fails it.</summary>
    public TaskCompletionSource<bool> Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public ICardStore Wrap(ICardStore inner) => new Observed(inner, this);

    private sealed class Observed(ICardStore inner, ObservedCardStore observer) : ICardStore
    {
        public Task<CardBatch> BeginBatchAsync(CardBatch batch, CancellationToken cancellationToken) =>
            inner.BeginBatchAsync(batch, cancellationToken);

        public async Task<CardCreation> TryCreateAsync(Card card, CancellationToken cancellationToken)
        {
            if (observer.HoldFirst && Interlocked.Exchange(ref observer._held, 1) == 0)
            {
                observer.Entered.TrySetResult();
                if (!await observer.Release.Task)
                    throw new InvalidOperationException("Simulated failure of a held create.");
            }
            if (Interlocked.Increment(ref observer._attempts) > observer.FailAfter)
            {
                await observer.Landed.Task.WaitAsync(TimeSpan.FromSeconds(30), cancellationToken);
                throw new InvalidOperationException("Simulated crash mid-batch.");
            }
            var created = await inner.TryCreateAsync(card, cancellationToken);
            if (created == CardCreation.Created
                && Interlocked.Increment(ref observer._created) >= observer.FailAfter)
                observer.Landed.TrySetResult();
            return created;
        }

        public Task<StoredCard?> FindBySerialAsync(string serial, CancellationToken cancellationToken) =>
            inner.FindBySerialAsync(serial, cancellationToken);

        public Task<StoredCard?> FindByCodeHashAsync(
            IEnumerable<string> codeHashes, CancellationToken cancellationToken) =>
            inner.FindByCodeHashAsync(codeHashes, cancellationToken);

        public Task<StoredCard?> RereadAsync(Card card, CancellationToken cancellationToken) =>
            inner.RereadAsync(card, cancellationToken);

        public Task<string?> TryReplaceAsync(Card card, string etag, CancellationToken cancellationToken) =>
            inner.TryReplaceAsync(card, etag, cancellationToken);
    }
}
