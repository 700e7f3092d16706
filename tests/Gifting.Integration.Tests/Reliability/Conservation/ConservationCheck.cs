namespace Gifting.Integration.Tests.Reliability.Conservation;

/// <summary>
/// Conservation of value in one currency, over the accounts, orgs, cards and orders of one history:
/// <code>
/// issued + granted + funded + reloaded + adjusted + reversed + refundedExternally
///   = balances + unredeemed + inIssuance + fundingLeft + spent + expired + cancelled + pendingReview
/// </code>
/// The left side comes from the model's record of operations the system accepted:
/// <list type="bullet">
/// <item><c>issued</c>: the value of batch cards issued by <c>POST /api/cards</c> (not order cards: their value
/// was funded first and only moves from funding to cards);</item>
/// <item><c>granted</c>: promotional lots granted; <c>funded</c>: org funding added by admins;
/// <c>reloaded</c>: reloads paid for;</item>
/// <item><c>adjusted</c>: credit adjustments less debit adjustments; <c>reversed</c>: what reversals put back less
/// what they took (a reversal undoes an adjustment or a reload, so it is signed too);</item>
/// <item><c>refundedExternally</c>: refunds with <c>origin: external</c>, new gift value for an order paid another
/// way.</item>
/// </list>
/// The right side is read from the system:
/// <list type="bullet">
/// <item><c>balances</c>: gift plus promotional of every account, from <c>GET /api/accounts/{id}/balance</c>;</item>
/// <item><c>unredeemed</c>: active batch cards (from <c>GET /api/cards/{serial}</c>) plus order lines whose card is
/// issued and unredeemed (line status from <c>GET /api/orders/{id}/lines</c>, value from the order placed);</item>
/// <item><c>inIssuance</c>: lines of accepted orders still <c>pending</c>: reserved from funding, no card yet;</item>
/// <item><c>fundingLeft</c>: <c>GET /api/funding</c> of every org;</item>
/// <item><c>spent</c>: from the ledgers, debits applied less refunds from balance (the amount given back; what a
/// refund forfeits to an expired lot stays spent);</item>
/// <item><c>expired</c>: from the ledgers, the <c>promo_expiry</c> entries;</item>
/// <item><c>cancelled</c>: batch cards cancelled (an order line cancelled goes back to funding instead);</item>
/// <item><c>pendingReview</c>: cards held for review (none here: the review rules are set out of reach).</item>
/// </list>
/// The short form "issued + granted + funded + reloaded = balances + unredeemed + funding left + spent + expired +
/// cancelled" lacks adjustments and reversals (either sign), external refunds (value in), value in issuance (an
/// accepted order between its reservation and its cards), value held for review, and needs <c>spent</c> to be net
/// of refunds from balance and <c>issued</c> to exclude order cards.
/// </summary>
internal sealed record ConservationCheck(
    long Issued, long Granted, long Funded, long Reloaded, long Adjusted, long Reversed, long RefundedExternally,
    long Balances, long Unredeemed, long InIssuance, long FundingLeft, long Spent, long Expired, long Cancelled,
    long PendingReview)
{
    public long In => Issued + Granted + Funded + Reloaded + Adjusted + Reversed + RefundedExternally;

    public long Out => Balances + Unredeemed + InIssuance + FundingLeft + Spent + Expired + Cancelled + PendingReview;

    public bool Holds => In == Out;

    public override string ToString() =>
        $"in {In} (issued {Issued}, granted {Granted}, funded {Funded}, reloaded {Reloaded}, adjusted {Adjusted}, "
        + $"reversed {Reversed}, external refunds {RefundedExternally}) vs out {Out} (balances {Balances}, "
        + $"unredeemed {Unredeemed}, in issuance {InIssuance}, funding {FundingLeft}, spent {Spent}, "
        + $"expired {Expired}, cancelled {Cancelled}, pending review {PendingReview})";
}
