namespace Gifting.Integration.Tests.Performance;

/// <summary>
/// Document operations per use case, warm, as the current design needs them: its floor, not the target. The targets
/// and why the two differ are in docs/performance.md; lower a budget when a change earns it.
/// </summary>
public static class OperationBudgets
{
    public const int BalanceRead = 1;
    public const int ActivityPage = 2;
    // Two of them are the velocity rules' window: its read and its write, once per card claimed.
    public const int Redemption = 12;
    public const int Debit = 6;
    public const int Refund = 6;
    public const int Grant = 6;

    // An admin's funding is a grant's shape (idempotency record, account read, entry, account patch); a reservation
    // is the posting alone, called by order intake rather than through a route of its own.
    public const int FundingAdd = 6;
    public const int FundingReserve = 4;

    // An order's intake beyond the one create per line: its read, the funding read, the order's create, the
    // reservation, the two patches that accept it and record its messages sent, and two index entries with their
    // removals (one for the intake, one written before accepting, in case the sweeper dropped the first).
    public const int OrderIntakeFixed = 13;

    // Cards are stored by code hash, so the redemption's lookup is one read; a lookup by serial reads the serial's
    // index first, one more.
    public const int Activation = 3;
    public const int Cancellation = 4;
    public const int CardIssue = 6;
    public const int CardLookup = 2;

    public const int ExpiryPerLot = 5;
    public const int ExpiryPerRun = 4;

    // A reload or an adjustment is a posting (account read, entry, account patch, liability patch); a reversal first
    // reads the entry it undoes. A freeze reads what it freezes, creates its record and shows it with a replace (an
    // account's replace reads its document again); the review list is one query in one partition.
    public const int Reload = 4;
    public const int Adjustment = 4;
    public const int Reversal = 5;
    public const int AccountFreeze = 4;
    public const int CardFreeze = 4;
    public const int ReviewList = 1;

    // Every ledger or funding entry, and every card issued, held, reviewed or cancelled, also counts itself into the
    // running liability totals: one patch of a shard (two writes for the first event of a shard's day). That patch is
    // the one more in a redemption, debit, refund, grant, funding add and reservation, expiry lot, card issue,
    // cancellation and order intake above, and the one more per line of an order's issuing.
    public const int LiabilityCountPerEvent = 1;
}
