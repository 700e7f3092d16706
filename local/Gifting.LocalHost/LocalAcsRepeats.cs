namespace Gifting.LocalHost;

/// <summary>
/// ACS's repeatable requests: a send presented again under the same id within <see cref="Window"/> gets the first
/// answer again and is not sent again; after the window ACS has forgotten the id, and so does this. Sends run one
/// at a time, so two concurrent attempts at one id cannot both be sent.
/// </summary>
internal sealed class LocalAcsRepeats(TimeProvider time) : IDisposable
{
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(5);

    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Dictionary<string, Remembered> _answers = new(StringComparer.Ordinal);

    /// <summary>The answer kept for <paramref name="id"/>, else <paramref name="send"/>'s, kept unless it threw.
    /// A null id is never a repeat.</summary>
    public async Task<T> OnceAsync<T>(string? id, Func<Task<T>> send, CancellationToken cancellationToken)
        where T : class
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var now = time.GetUtcNow();
            foreach (var forgotten in _answers.Where(a => now - a.Value.At >= Window).Select(a => a.Key).ToList())
                _answers.Remove(forgotten);
            if (id is not null && _answers.TryGetValue(id, out var kept) && kept.Answer is T answer)
                return answer;
            var fresh = await send();
            if (id is not null)
                _answers[id] = new Remembered(fresh, now);
            return fresh;
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();

    private sealed record Remembered(object Answer, DateTimeOffset At);
}
