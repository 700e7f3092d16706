namespace Gifting.Integration.Tests.Reliability.BadInput;

/// <summary>The catalogue of bad values the fuzzer draws from, each as the JSON or URL text it is sent as.</summary>
public static class BadValues
{
    /// <summary>Bodies that are not JSON, or not the JSON any route reads.</summary>
    public static readonly string[] Malformed =
    [
        "{", "}", "not json at all", "[]", "null", "\"a string\"", "42", "true", "{\"a\":}", "{'single':1}",
        "{\"a\":1,}", "{\"a\" 1}", "{\"a\":1}{\"b\":2}", "NaN", "{\"a\":NaN}", "{\"a\":Infinity}", "{\"a\":undefined}",
        "{\"a\":01}", "{\"a\":.5}", "{\"a\":\"\\x41\"}", "{\"a\":\"unterminated}", "/* comment */ {}", "\t\r\n ",
        "{\"a\":\"\\u12\"}", "[{\"a\":1}", "{\"\":\"\"}",
    ];

    /// <summary>Values of another JSON type than the member's.</summary>
    public static readonly string[] WrongTypes =
        ["\"text\"", "12", "-7", "true", "false", "null", "[]", "{}", "[1,2,3]", "{\"amount\":1}", "\"\"", "[null]"];

    /// <summary>Numbers at and beyond every limit a parser has.</summary>
    public static readonly string[] ExtremeNumbers =
    [
        "1e400", "-1e400", "-0", "-0.0", "9223372036854775808", "-9223372036854775809", "9223372036854775807",
        "0.1", "1e-400", "1E+99999", "2147483648", "-2147483649", "-1", "0", "1.0", "1.5e3", "4.9e-324",
        "100000000000000000000000000000000000000", "0e0", "1e2",
    ];

    /// <summary>Strings with look-alikes, direction marks, invisible characters, NUL and lone surrogates.</summary>
    public static readonly string[] UnicodeTricks =
    [
        "\"\\u0410\\u0412\\u0421D-\\u041E\\u0406L\"", "\"\\u202Eabc\"", "\"x\\u200F\"", "\"a\\u200Bb\"",
        "\"\\uFEFF\"", "\"\\u0000\"", "\"USD\\u0000\"", "\"\\ud800\"", "\"\\udfff\\ud800\"", "\"a\\ud800b\"",
        "\"\\ud83d\\ude00\"", "\"e\\u0301\"", "\"\\uFF35\\uFF33\\uFF24\"", "\"\\u0131\"", "\"US\\u200D\"",
        "\"\\u00A0US\"", "\"\\u2028\"", "\"\\uFFFF\\uFFFE\"", "\"\\u0085\"", "\"\\u200E\\u200F\\u202A\\u202C\"",
        "\"\\u039FO\\u0399I\"", "\"%00\"", "\"../../etc/passwd\"", "\"<script>alert(1)</script>\"",
        "\"" + new string('x', 5000) + "\"", "\"\\\\\\\"\"",
    ];

    /// <summary>Members nobody declared, some of them names the stores use.</summary>
    public static readonly string[] ExtraMembers =
    [
        "\"id\":\"x\"", "\"pk\":\"x\"", "\"_etag\":\"*\"", "\"__proto__\":{}", "\"$type\":\"System.Object\"",
        "\"opKey\":\"x\"", "\"status\":\"redeemed\"", "\"balance\":1000000", "\"unknownMember\":[1,{\"a\":null}]",
    ];

    /// <summary>Path segments (already URL-encoded where they need to be).</summary>
    public static readonly string[] PathSegments =
    [
        new string('a', 300), new string('9', 5000), "..", "%2e%2e", "%00", "a%00b", "%2F", "a%2Fb", "%5C", "%C3%84",
        "%E2%80%AE", "%F0%9F%98%80", "%ED%A0%80", "%FF", "%20", "%25", "'%20OR%201=1", "ent_-1",
        "ent_99999999999999999999", "0000000000000000", "1234567890123456", "null", "%09", "a.b", "~", "%7B%7D",
        "..%2F..%2F", "%E2%80%8B", "CON", "-",
    ];

    /// <summary>Query values (URL-encoded).</summary>
    public static readonly string[] QueryValues =
    [
        "", "abc", "-1", "0", "101", "99999999999", "1e3", "%00", "%FF", new string('c', 5000), "PENDING",
        "pending%00", "%2F%2F%2F%2F", "null", "2026-13-45", "0001-01-01", "9999-12-31", "%E2%80%AE", "1.5",
        "YmVmb3JlOjE", "YmVmb3JlOi0x", "MTp4", "%ED%A0%80",
    ];
}
