namespace Gifting.Core.Redemptions;

/// <summary>Counts events in fixed windows, shared by every instance of the app.</summary>
public interface IAttemptLog
{
    Task<long> CountAsync(string key, CancellationToken cancellationToken);

    Task RecordAsync(string key, TimeSpan keepFor, CancellationToken cancellationToken);
}
