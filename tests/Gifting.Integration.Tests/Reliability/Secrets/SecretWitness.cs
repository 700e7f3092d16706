using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using Gifting.Core.Codes;
using Gifting.Core.Links;

namespace Gifting.Integration.Tests.Reliability.Secrets;

/// <summary>
/// What the whole test run saw: every claim code, link token and key that passed through an app under test
/// (<see cref="Register"/>), and a fingerprint of every place a secret must never reach (<see cref="Observe"/>):
/// log lines, trace names and attributes, problem responses and stored documents. Text is not kept: each observed
/// text leaves only its code-shaped and token-shaped windows, so a run of thousands of requests stays small.
/// </summary>
public static class SecretWitness
{
    /// <summary>Consecutive code symbols that count as a leak: the last four are shown on purpose, twelve are not.
    /// </summary>
    public const int CodeWindow = 12;

    /// <summary>Consecutive characters of a token or key that count as a leak.</summary>
    public const int TokenWindow = LinkToken.Length;

    private static readonly ConcurrentDictionary<string, SecretKind> Secrets = new(StringComparer.Ordinal);
    private static readonly ConcurrentQueue<(string Place, string Text)> Texts = new();
    private static readonly ActivityListener Traces = StartListening();

    /// <summary>How many secrets of each kind the run registered (counted by their windows).</summary>
    public static IReadOnlyDictionary<SecretKind, int> Registered =>
        Secrets.GroupBy(s => s.Value).ToDictionary(g => g.Key, g => g.Count());

    /// <summary>How many texts were observed per place (log, trace, problem, document, ...).</summary>
    public static IReadOnlyDictionary<string, int> ObservedTexts =>
        Texts.GroupBy(t => t.Place).ToDictionary(g => g.Key, g => g.Count());

    /// <summary>Remembers a secret. A code is matched by its windows of <see cref="CodeWindow"/> normalised symbols,
    /// a token or key by its windows of <see cref="TokenWindow"/> characters.</summary>
    public static void Register(SecretKind kind, string secret)
    {
        _ = Traces;
        if (kind == SecretKind.ClaimCode)
        {
            foreach (var window in Windows(NormalizedSymbols(secret), CodeWindow)) Secrets.TryAdd("c" + window, kind);
            return;
        }
        foreach (var window in Windows(secret, TokenWindow)) Secrets.TryAdd("t" + window, kind);
    }

    /// <summary>Keeps a text that must hold no secret; <paramref name="place"/> says where it was seen (log, trace,
    /// problem, document) and is what a finding reports.</summary>
    public static void Observe(string place, string? text)
    {
        _ = Traces;
        if (!string.IsNullOrEmpty(text)) Texts.Enqueue((place, text));
    }

    /// <summary>Every registered secret found in an observed text, once per secret window and place: the kind and
    /// the place, never the secret.</summary>
    public static IReadOnlyList<SecretFinding> Findings() => FindingsIn(Texts);

    /// <summary>The findings for the given texts, against the secrets registered so far.</summary>
    public static IReadOnlyList<SecretFinding> FindingsIn(IEnumerable<(string Place, string Text)> texts)
    {
        var codes = Secrets.Keys.Where(k => k[0] == 'c').Select(k => k[1..]).ToHashSet(StringComparer.Ordinal);
        var tokens = Secrets.Keys.Where(k => k[0] == 't').Select(k => k[1..]).ToHashSet(StringComparer.Ordinal);
        var codeLookup = codes.GetAlternateLookup<ReadOnlySpan<char>>();
        var tokenLookup = tokens.GetAlternateLookup<ReadOnlySpan<char>>();
        var found = new HashSet<SecretFinding>();
        foreach (var (place, text) in texts)
        {
            foreach (var run in CodeRuns(text))
                for (var i = 0; i + CodeWindow <= run.Length; i++)
                    if (codeLookup.TryGetValue(run.AsSpan(i, CodeWindow), out var window))
                        found.Add(new SecretFinding(Secrets["c" + window], place));
            foreach (var run in TokenRuns(text))
                for (var i = 0; i + TokenWindow <= run.Length; i++)
                    if (tokenLookup.TryGetValue(run.AsSpan(i, TokenWindow), out var window))
                        found.Add(new SecretFinding(Secrets["t" + window], place));
        }
        return [.. found];
    }

    /// <summary>The symbols of a code as the server reads them: separators dropped, look-alikes mapped, upper case.
    /// </summary>
    public static string NormalizedSymbols(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            var symbol = Symbol(c);
            if (symbol is { } s) builder.Append(s);
        }
        return builder.ToString();
    }

    /// <summary>Runs of code symbols, with the separators a person may type between them skipped.</summary>
    internal static IEnumerable<string> CodeRuns(string text)
    {
        var run = new StringBuilder();
        foreach (var c in text)
        {
            if (c is ' ' or '-' or '\t' or '\u2010' or '\u2011' or '\u2012' or '\u2013' or '\u2014' or '\u00A0')
                continue;
            if (Symbol(c) is { } symbol)
            {
                run.Append(symbol);
                continue;
            }
            if (run.Length >= CodeWindow) yield return run.ToString();
            run.Clear();
        }
        if (run.Length >= CodeWindow) yield return run.ToString();
    }

    /// <summary>Runs of base64 and base64url characters long enough to hold a token or a piece of a key.</summary>
    internal static IEnumerable<string> TokenRuns(string text)
    {
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var inside = i < text.Length && (char.IsAsciiLetterOrDigit(text[i]) || text[i] is '-' or '_' or '+' or '/');
            if (inside && start < 0) start = i;
            if (inside || start < 0) continue;
            if (i - start >= TokenWindow) yield return text[start..i];
            start = -1;
        }
    }

    private static char? Symbol(char c)
    {
        var upper = char.ToUpperInvariant(c);
        return upper switch
        {
            'O' => '0',
            'I' or 'L' => '1',
            'U' => 'V',
            _ when upper < 128 && ClaimCode.Alphabet.Contains(upper) => upper,
            _ => null,
        };
    }

    private static IEnumerable<string> Windows(string run, int size)
    {
        for (var i = 0; i + size <= run.Length; i++) yield return run.Substring(i, size);
    }

    private static ActivityListener StartListening()
    {
        var listener = new ActivityListener
        {
            ShouldListenTo = _ => true,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                var text = new StringBuilder(activity.DisplayName);
                foreach (var (name, value) in activity.TagObjects)
                    text.Append(' ').Append(name).Append('=').Append(value);
                foreach (var e in activity.Events)
                {
                    text.Append(' ').Append(e.Name);
                    foreach (var (name, value) in e.Tags) text.Append(' ').Append(name).Append('=').Append(value);
                }
                Observe("trace", text.ToString());
            },
        };
        ActivitySource.AddActivityListener(listener);
        return listener;
    }
}

/// <summary>The kinds of secret the run looks for.</summary>
public enum SecretKind
{
    ClaimCode,
    LinkToken,
    Key,
}

/// <summary>A registered secret seen where it must not be: what kind, and where (never the secret itself).</summary>
public sealed record SecretFinding(SecretKind Kind, string Place);
