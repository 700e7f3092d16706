using System.Security.Cryptography;
using System.Text;

namespace Gifting.Core.Redemptions;

/// <summary>
/// Failed redemptions are limited per account and per client address in fixed windows. Keys are hashed so the log
/// holds no account ids or addresses in clear.
/// </summary>
public sealed class RedemptionThrottle(IAttemptLog log, ThrottleLimits limits, TimeProvider clock)
{
    /// <summary>How long to wait before trying again, or null if redemption may be tried now.</summary>
    public async Task<TimeSpan?> RetryAfterAsync(
        AccountId account, string? clientAddress, CancellationToken cancellationToken)
    {
        var (window, retryAfter) = CurrentWindow();
        var accountCount = await log.CountAsync(Key("acct", account.Value, window), cancellationToken);
        if (accountCount >= limits.PerAccount) return retryAfter;
        if (clientAddress is null) return null;
        var addressCount = await log.CountAsync(Key("addr", clientAddress, window), cancellationToken);
        return addressCount >= limits.PerClientAddress ? retryAfter : null;
    }

    public async Task RecordFailureAsync(AccountId account, string? clientAddress, CancellationToken cancellationToken)
    {
        var (window, _) = CurrentWindow();
        await log.RecordAsync(Key("acct", account.Value, window), limits.Window, cancellationToken);
        if (clientAddress is not null)
            await log.RecordAsync(Key("addr", clientAddress, window), limits.Window, cancellationToken);
    }

    private (long Window, TimeSpan RetryAfter) CurrentWindow()
    {
        var now = clock.GetUtcNow().ToUnixTimeSeconds();
        var size = (long)limits.Window.TotalSeconds;
        var window = now / size;
        return (window, TimeSpan.FromSeconds((window + 1) * size - now));
    }

    private static string Key(string kind, string subject, long window)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(subject));
        return $"redeem-{kind}-{Convert.ToHexStringLower(hash.AsSpan(0, 16))}-{window}";
    }
}
