// Claim codes as the server reads them (core/Gifting.Core/Codes/ClaimCode.cs): 15 symbols of Crockford's base 32,
// the last a Damm check over GF(32). Kept to the same rules so a page never sends what the server would refuse.
export const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
export const LENGTH = 15;

const LOOK_ALIKES = { O: "0", I: "1", L: "1", U: "V" };
const SEPARATORS = new Set([" ", "-", "\t", "\u2010", "\u2011", "\u2012", "\u2013", "\u2014", "\u00A0"]);
// Confusions people make between symbols that both exist in the alphabet.
const CONFUSIONS = [["B", "8"], ["S", "5"], ["Z", "2"], ["G", "6"]];

// x∘y = 2·x + y in GF(2^5) with x^5 + x^2 + 1.
function step(interim, value) {
  let doubled = interim << 1;
  if (doubled & 32) doubled ^= 0b100101;
  return doubled ^ value;
}

/** The symbols typed so far, upper-cased with look-alikes mapped; null when a character is none of them. */
export function symbolsOf(input) {
  let out = "";
  for (const c of input) {
    if (SEPARATORS.has(c)) continue;
    const upper = c.toUpperCase();
    const symbol = LOOK_ALIKES[upper] ?? upper;
    if (c.length !== 1 || c.charCodeAt(0) > 127 || !ALPHABET.includes(symbol)) return null;
    out += symbol;
  }
  return out;
}

/** Whether 15 symbols pass the check. */
export function checks(symbols) {
  if (symbols.length !== LENGTH) return false;
  let interim = 0;
  for (const s of symbols) interim = step(interim, ALPHABET.indexOf(s));
  return interim === 0;
}

/** "valid" | "typo" (15 symbols, bad check) | "incomplete" | "malformed", as the server's parser decides. */
export function parse(input) {
  if (input.length > 64) return { state: "malformed" };
  const symbols = symbolsOf(input);
  if (symbols === null || symbols.length > LENGTH) return { state: "malformed" };
  if (symbols.length < LENGTH) return { state: "incomplete", symbols };
  return { state: checks(symbols) ? "valid" : "typo", symbols };
}

/** XXXX-XXXXXX-XXXXX, as far as the symbols go. */
export function display(symbols) {
  const parts = [symbols.slice(0, 4), symbols.slice(4, 10), symbols.slice(10, 15)];
  return parts.filter((p) => p.length > 0).join("-");
}

/** The one code a single B/8, S/5, Z/2 or G/6 swap makes valid, or null when none or several do. */
export function suggestion(symbols) {
  const found = new Set();
  for (let i = 0; i < symbols.length; i++) {
    for (const [a, b] of CONFUSIONS) {
      const other = symbols[i] === a ? b : symbols[i] === b ? a : null;
      if (other === null) continue;
      const candidate = symbols.slice(0, i) + other + symbols.slice(i + 1);
      if (checks(candidate)) found.add(candidate);
    }
  }
  return found.size === 1 ? [...found][0] : null;
}
