using System.Text.Json;

namespace Gifting.Integration.Tests.Reliability.CrashPoints;

/// <summary>
/// One account's ledger (a shopper's in <c>ledger</c>, an org's in <c>funding</c>) read as stored, and checked against
/// itself: entries numbered 1..n without a gap, each moving the balance by exactly its signed amount, and the account
/// document showing the last of them (the stored balance equals the one the entries add up to).
/// </summary>
public sealed class LedgerAudit
{
    private LedgerAudit(IReadOnlyList<Entry> entries, List<string> violations)
    {
        Entries = entries;
        Violations = violations;
    }

    /// <summary>The entries, by sequence number.</summary>
    public IReadOnlyList<Entry> Entries { get; }

    /// <summary>What is wrong with the ledger in itself.</summary>
    public List<string> Violations { get; }

    /// <summary>The entries as "type amount" strings, sorted, for comparing what moved with what should have.</summary>
    public IReadOnlyList<string> Movements => Entries.Select(e => $"{e.Type} {e.Amount}").Order().ToList();

    /// <summary>The balance the entries add up to: gift (or available funding) and promotional.</summary>
    public (long Gift, long Promotional) Balance => Entries.Count == 0
        ? (0, 0)
        : (Entries[^1].Gift, Entries[^1].Promotional);

    public static async Task<LedgerAudit> ReadAsync(Microsoft.Azure.Cosmos.Container container, string pk)
    {
        var documents = await CrashRig.PartitionAsync(container, pk);
        var entries = documents.Where(d => DocType(d) == "entry").Select(Entry.From).OrderBy(e => e.Seq).ToList();
        var violations = new List<string>();
        long gift = 0, promotional = 0;
        for (var i = 0; i < entries.Count; i++)
        {
            var e = entries[i];
            if (e.Seq != i + 1) violations.Add($"{pk}: entry {i + 1} is numbered {e.Seq}");
            var moved = e.Gift + e.Promotional - gift - promotional;
            if (moved != e.Amount)
                violations.Add($"{pk}: entry {e.Seq} ({e.Type} {e.Amount}) moved the balance by {moved}");
            (gift, promotional) = (e.Gift, e.Promotional);
        }
        var account = documents.SingleOrDefault(d => DocType(d) == "account");
        if (entries.Count > 0)
        {
            if (account.ValueKind != JsonValueKind.Object)
                violations.Add($"{pk}: {entries.Count} entries and no account document");
            else if (account.GetProperty("seq").GetInt64() != entries.Count)
                violations.Add($"{pk}: the account shows entry {account.GetProperty("seq").GetInt64()} "
                    + $"of {entries.Count}");
            else if (account.GetProperty("latest") is var latest && Entry.From(latest) is var shown
                && (shown.Gift, shown.Promotional) != (gift, promotional))
                violations.Add($"{pk}: stored balance {shown.Gift}+{shown.Promotional}, ledger {gift}+{promotional}");
        }
        return new LedgerAudit(entries, violations);
    }

    /// <summary>
    /// The violations, plus one when the entries are not <paramref name="expected"/> ("type amount" each).
    /// </summary>
    public List<string> Expect(string what, params string[] expected)
    {
        var found = Movements;
        var wanted = expected.Order().ToList();
        var all = new List<string>(Violations);
        if (!found.SequenceEqual(wanted))
            all.Add($"{what}: entries [{string.Join(", ", found)}], expected [{string.Join(", ", wanted)}]");
        return all;
    }

    private static string? DocType(JsonElement d) =>
        d.TryGetProperty("docType", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;

    /// <summary>One stored entry, as far as the audit reads it.</summary>
    public sealed record Entry(long Seq, string Type, long Amount, long Gift, long Promotional, string Id)
    {
        public static Entry From(JsonElement e) => new(
            e.GetProperty("seq").GetInt64(),
            e.GetProperty("type").GetString()!,
            e.GetProperty("amount").GetProperty("amount").GetInt64(),
            e.GetProperty("gift").GetInt64(),
            e.TryGetProperty("lots", out var lots) && lots.ValueKind == JsonValueKind.Array
                ? lots.EnumerateArray().Sum(l => l.GetProperty("amount").GetInt64())
                : 0,
            e.GetProperty("id").GetString()!);
    }
}
