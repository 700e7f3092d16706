using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Gifting.Core.Ledger;

namespace Gifting.Core.Funding;

/// <summary>
/// Money an admin adds to an org's funding. <see cref="FundingKey"/> names the operation: a hash of the admin and the
/// request's idempotency key, or a fresh id for a request that sent none.
/// </summary>
public sealed record AddFundingCommand(OrgId Org, Money Amount, string Reference, string FundingKey)
{
    public string Fingerprint()
    {
        var canonical = string.Create(CultureInfo.InvariantCulture,
            $"funding\n{Org}\n{Amount.Amount} {Amount.Currency}\n{Reference}");
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }
}

/// <summary>
/// Adds to an org's funding, once per funding key however often it is tried; a replay must be the same request as the
/// first, or it is refused. The first funding sets the org's currency; every later one must be in it.
/// </summary>
public sealed class AddFunding(FundingLedger ledger, FundingLimits limits)
{
    public async Task<Result<FundingMovement>> ExecuteAsync(
        AddFundingCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (command.Amount.Amount <= 0) return new Failure(ErrorCode.ValidationFailed, "A funding must be positive.");
        if (command.Amount.Amount > limits.MaxAmount)
            return new Failure(ErrorCode.ValidationFailed,
                $"A funding may add at most {limits.MaxAmount} minor units.");
        var fingerprint = command.Fingerprint();
        var org = await ledger.ReadAsync(command.Org, cancellationToken);
        var posting = await ledger.PostAsync(command.Org, command.Amount.Currency, OpKeys.Funding(command.FundingKey),
            balance => new LedgerChange(EntryType.Funding, command.Amount,
                balance with { Gift = balance.Gift + command.Amount.Amount }, $"funding:{command.Reference}",
                Fingerprint: fingerprint),
            org, cancellationToken);
        if (!posting.Succeeded) return posting.Failure!;
        // The idempotency record that catches a changed request lives 8 days; the entry remembers it for good.
        if (posting.Value.Replayed && posting.Value.Entry.Fingerprint != fingerprint)
            return new Failure(ErrorCode.IdempotencyKeyMismatch, "This funding key was used for another request.");
        return FundingLedger.MovementOf(command.Org, posting.Value);
    }
}
