namespace Gifting.Core.Concurrency;

/// <summary>Too many writers raced for one document for too long; the request may be retried.</summary>
public sealed class ContentionException(string what)
    : Exception($"Could not update {what} under contention.");
