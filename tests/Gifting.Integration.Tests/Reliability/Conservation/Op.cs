namespace Gifting.Integration.Tests.Reliability.Conservation;

/// <summary>What one step of a conservation history asks the system to do.</summary>
internal enum Op
{
    /// <summary><c>POST /api/cards</c>: A+1 digital cards of a value picked by B; its key replayed if asked.</summary>
    Issue,

    /// <summary>Card A redeemed into account B (its code); replayed under the same key when asked.</summary>
    Redeem,

    /// <summary>Card A redeemed into every account at once: one of them gets it.</summary>
    RedeemRace,

    /// <summary>Account A pays an order of B; C picks partial or not, or a foreign currency.</summary>
    Debit,

    /// <summary>A+2 debits of account B for one order at once, each under its own key.</summary>
    DebitBurst,

    /// <summary>A refund message to account A for its order B (or an external one), sized by C.</summary>
    Refund,

    /// <summary>A promotional lot for account A of B, expiring C slots ahead.</summary>
    Grant,

    /// <summary>The app's clock moved A slots on, then the expiry timer run (twice when asked).</summary>
    Expire,

    /// <summary>An adjustment of account A: credit or debit (C) of B.</summary>
    Adjust,

    /// <summary>The reversal of the account's adjustment or reload picked by A (twice at once when asked).</summary>
    Reverse,

    /// <summary>A reload of account A with B.</summary>
    Reload,

    /// <summary>Org A funded with B.</summary>
    Fund,

    /// <summary>Org A orders A+1.. lines; its chunks are issued now when C is odd.</summary>
    PlaceOrder,

    /// <summary>Every chunk and delivery message sent so far handled by its trigger.</summary>
    Deliver,

    /// <summary>Order line A redeemed into account B by its one-click link.</summary>
    RedeemLine,

    /// <summary>Batch card A cancelled by an admin (twice when asked).</summary>
    CancelCard,

    /// <summary>Order A cancelled by its buyer, then its chunk messages handled.</summary>
    CancelOrder,
}
