namespace Gifting.Integration.Tests.Reliability.Conservation;

/// <summary>What the model expects one shopper's balance to hold: gift, and promotional lots by expiry slot.</summary>
internal sealed class ModelAccount
{
    private long _gift;

    /// <summary>True once anything was posted to the account: a refund message for an account without a ledger is
    /// refused as naming an unknown account.</summary>
    public bool Opened { get; private set; }

    public long Gift
    {
        get => _gift;
        set
        {
            _gift = value;
            Opened = true;
        }
    }

    public void Open() => Opened = true;

    /// <summary>Promotional credit by the slot it expires at (several lots of one slot are one amount here).</summary>
    public SortedDictionary<int, long> Lots { get; } = [];

    /// <summary>What each order paid from this account took, in the order the orders were first debited.</summary>
    public List<OrderTake> Orders { get; } = [];

    /// <summary>Adjustments and reloads, by signed amount, that a reversal may undo once.</summary>
    public List<Reversible> Reversibles { get; } = [];

    public long Promotional(int now) => Lots.Where(l => l.Key > now).Sum(l => l.Value);

    public long Total(int now) => Gift + Promotional(now);
}

/// <summary>What one order's debits took from an account, and what its refunds gave back or forfeited.</summary>
internal sealed class OrderTake
{
    private long _gift;

    /// <summary>True once anything was posted to the account: a refund message for an account without a ledger is
    /// refused as naming an unknown account.</summary>
    public bool Opened { get; private set; }

    public long Gift
    {
        get => _gift;
        set
        {
            _gift = value;
            Opened = true;
        }
    }

    public void Open() => Opened = true;
    public Dictionary<int, long> Lots { get; } = [];
    public long GiftBack { get; set; }
    public Dictionary<int, long> LotsBack { get; } = [];

    public long Left => Gift - GiftBack + Lots.Sum(l => l.Value - LotsBack.GetValueOrDefault(l.Key));
}

/// <summary>An entry a reversal can undo: its signed effect on the gift balance, and whether it was undone.</summary>
internal sealed class Reversible(long signed)
{
    public long Signed { get; } = signed;
    public bool Reversed { get; set; }
}
