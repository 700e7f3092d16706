using System.Collections.Immutable;
using Gifting.Core.Redemptions;

namespace Gifting.Core.Ledger;

/// <summary>
/// A posted entry; <see cref="Replayed"/> when the operation had been posted before. <see cref="Holds"/> are those of
/// the account as read for the posting, so an answer can show what is pending beside the balance without reading again.
/// </summary>
public sealed record Posting(LedgerEntry Entry, bool Replayed, ImmutableArray<Hold> Holds);
