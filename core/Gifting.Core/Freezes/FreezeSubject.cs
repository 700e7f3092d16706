namespace Gifting.Core.Freezes;

public enum FreezeSubjectKind { Account, Card }

/// <summary>What a freeze history is kept for: an account by its id, a card by its serial.</summary>
public sealed record FreezeSubject(FreezeSubjectKind Kind, string Id)
{
    public static FreezeSubject Account(AccountId account) => new(FreezeSubjectKind.Account, account.Value);

    public static FreezeSubject Card(string serial) => new(FreezeSubjectKind.Card, serial);
}
