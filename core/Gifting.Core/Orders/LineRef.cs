namespace Gifting.Core.Orders;

/// <summary>Which line of which org's order something belongs to.</summary>
public sealed record LineRef(OrgId Org, string OrderId, int Index)
{
    public string LineId => GiftLine.IdOf(Index);
}
