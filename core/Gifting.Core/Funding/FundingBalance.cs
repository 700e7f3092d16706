namespace Gifting.Core.Funding;

/// <summary>What an org may still spend on orders.</summary>
public sealed record FundingBalance(OrgId Org, Money Available);

/// <summary>
/// A funding, reservation or release as posted, with the funding available after it; <see cref="Replayed"/> when the
/// operation had been posted before, in which case <see cref="Amount"/> is the first posting's.
/// </summary>
public sealed record FundingMovement(OrgId Org, long Seq, Money Amount, Money Available, bool Replayed);
