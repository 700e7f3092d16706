using Gifting.Core.Balances;

namespace Gifting.Core.Debits;

/// <summary>What is being paid for: the shopper's preferences say whether gift balance is spent on each.</summary>
public enum DebitKind { Order, Subscription }

/// <summary>A checkout's request to spend an account's balance; <see cref="DebitKey"/> makes retries post once.</summary>
public sealed record DebitCommand(AccountId Account, string OrderId, Money Amount, bool AllowPartial, DebitKind Kind, string DebitKey);

/// <summary>A posted debit: the entry's sequence number names it.</summary>
public sealed record DebitResult(long Seq, Money Applied, Money FromPromotional, Money FromGift, Balance Balance);
