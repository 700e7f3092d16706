using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Gifting.Core.Balances;

namespace Gifting.Core.Debits;

/// <summary>
/// What is being paid for: the shopper's preferences say whether gift balance is spent on orders and subscriptions.
/// Gift cards cannot be paid for from the balance at all.
/// </summary>
public enum DebitKind { Order, Subscription, GiftCard }

/// <summary>
/// A checkout's request to spend an account's balance; <see cref="DebitKey"/> makes retries post once.
/// </summary>
public sealed record DebitCommand(
    AccountId Account, string OrderId, Money Amount, bool AllowPartial, DebitKind Kind, string DebitKey)
{
    /// <summary>
    /// Names the request apart from its key, so a replay can tell the same request from another one sent under the
    /// same key, however long after the first.
    /// </summary>
    public string Fingerprint()
    {
        var canonical = string.Create(CultureInfo.InvariantCulture,
            $"debit\n{OrderId}\n{Amount.Amount} {Amount.Currency}\n{(AllowPartial ? "partial" : "whole")}\n{Kind}");
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }
}

/// <summary>A posted debit: the entry's sequence number names it.</summary>
public sealed record DebitResult(long Seq, Money Applied, Money FromPromotional, Money FromGift, Balance Balance);
