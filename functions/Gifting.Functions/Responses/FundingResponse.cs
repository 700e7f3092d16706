using Gifting.Core;
using Gifting.Core.Funding;

namespace Gifting.Functions.Responses;

/// <summary>What an org may still spend on orders.</summary>
public sealed record FundingResponse(string Org, Money Available)
{
    public static FundingResponse Of(FundingBalance balance) => new(balance.Org.Value, balance.Available);
}

/// <summary>A funding as added, and what the org had available right after it.</summary>
public sealed record FundingAddedResponse(string Org, Money Amount, string Reference, Money Available)
{
    public static FundingAddedResponse Of(FundingMovement movement, string reference) =>
        new(movement.Org.Value, movement.Amount, reference, movement.Available);
}
