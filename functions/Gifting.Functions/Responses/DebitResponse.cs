using Gifting.Core;
using Gifting.Core.Debits;

namespace Gifting.Functions.Responses;

public sealed record DebitResponse(
    string DebitId, Money Applied, Money FromPromotional, Money FromGift, BalanceResponse Balance)
{
    public static DebitResponse Of(DebitResult debit) => new(
        $"dbt_{debit.Seq}", debit.Applied, debit.FromPromotional, debit.FromGift, BalanceResponse.Of(debit.Balance));
}
