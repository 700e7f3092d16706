using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Gifting.Core.Balances;

namespace Gifting.Core.Refunds;

/// <summary>
/// Where the refunded money came from: the account's balance (given back where the order took it), or another
/// payment the shopper chose to have refunded to balance (credited as gift).
/// </summary>
public enum RefundOrigin { Balance, External }

/// <summary>A refund message from the <c>refunds</c> queue; <see cref="RefundId"/> makes it apply once.</summary>
public sealed record RefundCommand(
    string RefundId,
    AccountId Account,
    string OrderId,
    Money Amount,
    string? Reason,
    RefundOrigin Origin = RefundOrigin.Balance)
{
    /// <summary>What this refund asks for: a repeat of its id is told apart from another refund reusing it.</summary>
    public string Fingerprint()
    {
        var canonical = string.Create(CultureInfo.InvariantCulture,
            $"refund\n{OrderId}\n{Amount.Amount} {Amount.Currency}\n{Origin}");
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }
}

/// <summary>
/// <see cref="Credited"/> went back into the balance; <see cref="Forfeited"/> was promotional value the order took
/// from lots that have expired since. <see cref="AlreadyCredited"/> when the refund had been posted before; the
/// amounts are then the first ones.
/// </summary>
public sealed record RefundResult(
    string RefundId, Money Credited, Money Forfeited, Balance Balance, bool AlreadyCredited);
