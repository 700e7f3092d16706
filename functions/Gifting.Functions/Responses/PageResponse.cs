namespace Gifting.Functions.Responses;

/// <summary>The contract's list shape: a page of items, and an opaque cursor for the next (null on the last).</summary>
public sealed record PageResponse<T>(IReadOnlyList<T> Items, string? NextCursor);
