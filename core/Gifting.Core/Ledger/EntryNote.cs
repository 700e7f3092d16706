namespace Gifting.Core.Ledger;

/// <summary>
/// Who posted an operator's entry (the token's <c>sub</c>) and why: an adjustment's reason code and note, a
/// reversal's reason. Entries the platform posts by itself have none.
/// </summary>
public sealed record EntryNote(string By, string? ReasonCode, string? Text);
