using System.Diagnostics;
using System.Security.Cryptography;
using System.Text.Json;
using Gifting.Core.Codes;
using Gifting.LocalHost;

namespace Gifting.Integration.Tests.Browser;

/// <summary>
/// The page's claim-code script (run by Node, which the emulator already needs) decides as the server's parser does
/// on thousands of inputs: valid codes typed every which way, single-symbol typos, swapped neighbours and junk; and
/// its "Did you mean" is exactly the one B/8, S/5, Z/2 or G/6 swap that makes a code valid, when there is one.
/// </summary>
public sealed class ClaimCodeScriptTests
{
    private const string Runner = """
        import { pathToFileURL } from "node:url";
        const { parse, suggestion } = await import(pathToFileURL(process.argv[1]).href);
        let input = "";
        for await (const chunk of process.stdin) input += chunk;
        const out = JSON.parse(input).map((typed) => {
          const p = parse(typed);
          const state = p.state === "incomplete" ? "malformed" : p.state;
          return { state, symbols: state === "valid" ? p.symbols : null,
            suggestion: state === "typo" ? suggestion(p.symbols) : null };
        });
        process.stdout.write(JSON.stringify(out));
        """;

    private static readonly Dictionary<char, char> Confusions = new()
    {
        ['B'] = '8', ['8'] = 'B', ['S'] = '5', ['5'] = 'S', ['Z'] = '2', ['2'] = 'Z', ['G'] = '6', ['6'] = 'G',
    };

    [Fact]
    public void TheConfusions_AreAllPairsOfSymbolsInTheAlphabet()
    {
        Assert.All(Confusions, pair =>
        {
            Assert.Contains(pair.Key, ClaimCode.Alphabet);
            Assert.Contains(pair.Value, ClaimCode.Alphabet);
        });
    }

    [Fact]
    public async Task ScriptAndServer_AgreeOnEveryInput_AndOnTheOneSwapSuggestion()
    {
        var inputs = Inputs().ToList();

        var verdicts = await RunScriptAsync(inputs);

        Assert.Equal(inputs.Count, verdicts.Count);
        var typos = 0;
        var suggested = 0;
        for (var i = 0; i < inputs.Count; i++)
        {
            var server = ClaimCode.Parse(inputs[i]);
            var state = server.Code is not null ? "valid" : server.LikelyTypo ? "typo" : "malformed";
            var script = verdicts[i];
            Assert.True(state == script.GetProperty("state").GetString(), $"Input {i} '{inputs[i]}': {state}.");
            if (server.Code is { } code) Assert.Equal(code.Normalized, script.GetProperty("symbols").GetString());
            if (!server.LikelyTypo) continue;
            typos++;
            var expected = OneSwap(ClaimCodeSymbols(inputs[i]));
            Assert.Equal(expected, script.GetProperty("suggestion").GetString());
            if (expected is not null) suggested++;
        }
        Assert.True(typos > 2000 && suggested > 100, $"{typos} typos, {suggested} suggestions: too few to tell.");
    }

    private static IEnumerable<string> Inputs()
    {
        for (var i = 0; i < 1500; i++)
        {
            var code = ClaimCode.Generate();
            yield return Messy(code.Display, i);
            yield return Substituted(code.Normalized);
            yield return Transposed(code.Normalized);
            yield return SwappedConfusion(code.Normalized) ?? code.Normalized;
        }
        const string junk = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz -–_.!é€\u00A0";
        for (var i = 0; i < 500; i++)
        {
            var length = RandomNumberGenerator.GetInt32(0, 70);
            yield return new string(Enumerable.Range(0, length)
                .Select(_ => junk[RandomNumberGenerator.GetInt32(junk.Length)]).ToArray());
        }
    }

    /// <summary>The code as people type it: lower case, spaces or no dashes, O for 0, I or L for 1, U for V.</summary>
    private static string Messy(string display, int i)
    {
        var typed = (i % 4) switch
        {
            0 => display.ToLowerInvariant(),
            1 => display.Replace("-", " ", StringComparison.Ordinal),
            2 => " " + display.Replace("-", "", StringComparison.Ordinal) + "\t",
            _ => display.Replace('-', '\u2013'),
        };
        return typed.Replace('0', i % 2 == 0 ? 'O' : 'o').Replace('1', i % 3 == 0 ? 'l' : 'I').Replace('V', 'U');
    }

    private static string Substituted(string symbols)
    {
        var at = RandomNumberGenerator.GetInt32(symbols.Length);
        var other = ClaimCode.Alphabet[(ClaimCode.Alphabet.IndexOf(symbols[at], StringComparison.Ordinal)
            + RandomNumberGenerator.GetInt32(1, 32)) % 32];
        return symbols[..at] + other + symbols[(at + 1)..];
    }

    private static string Transposed(string symbols)
    {
        var at = RandomNumberGenerator.GetInt32(symbols.Length - 1);
        return symbols[..at] + symbols[at + 1] + symbols[at] + symbols[(at + 2)..];
    }

    private static string? SwappedConfusion(string symbols)
    {
        var at = Enumerable.Range(0, symbols.Length).Where(i => Confusions.ContainsKey(symbols[i])).ToList();
        if (at.Count == 0) return null;
        var i = at[RandomNumberGenerator.GetInt32(at.Count)];
        return symbols[..i] + Confusions[symbols[i]] + symbols[(i + 1)..];
    }

    private static string ClaimCodeSymbols(string typed) =>
        new(typed.Where(c => !char.IsWhiteSpace(c) && c is not ('-' or '\u2013')).Select(char.ToUpperInvariant)
            .Select(c => c switch { 'O' => '0', 'I' or 'L' => '1', 'U' => 'V', _ => c }).ToArray());

    /// <summary>The server's parser as the oracle: the one single confusion swap that parses, or null.</summary>
    private static string? OneSwap(string symbols)
    {
        var fits = Enumerable.Range(0, symbols.Length).Where(i => Confusions.ContainsKey(symbols[i]))
            .Select(i => symbols[..i] + Confusions[symbols[i]] + symbols[(i + 1)..])
            .Where(c => ClaimCode.Parse(c).Code is not null).Distinct().ToList();
        return fits.Count == 1 ? fits[0] : null;
    }

    private static async Task<List<JsonElement>> RunScriptAsync(IReadOnlyList<string> inputs)
    {
        var folder = Directory.CreateTempSubdirectory("claim-code-");
        try
        {
            // Node 20 loads ES modules by extension: the page's file is copied under an .mjs name.
            var module = Path.Combine(folder.FullName, "claim-code.mjs");
            File.Copy(Path.Combine(RepositoryRoot.Find(), "functions", "Gifting.Functions", "Page", "Assets",
                "claim-code.js"), module);
            var start = new ProcessStartInfo("node")
            {
                RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true,
            };
            foreach (var arg in new[] { "--input-type=module", "-e", Runner, module }) start.ArgumentList.Add(arg);
            using var node = Process.Start(start)!;
            await node.StandardInput.WriteAsync(JsonSerializer.Serialize(inputs));
            node.StandardInput.Close();
            var output = node.StandardOutput.ReadToEndAsync();
            var errors = node.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            await node.WaitForExitAsync(timeout.Token);
            Assert.True(node.ExitCode == 0, await errors);
            return JsonSerializer.Deserialize<List<JsonElement>>(await output)!;
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
