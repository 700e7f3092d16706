using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using MimeKit;

namespace Gifting.LocalHost;

/// <summary>
/// Where the local ACS puts what it accepts: a list kept in memory for <c>GET /api/dev/mailbox</c>, and one file per
/// message in <see cref="Folder"/> (<c>.eml</c> for email, <c>.txt</c> for SMS) that a person can open.
/// </summary>
public sealed partial class LocalMailbox(string folder)
{
    public const string FolderVariable = "GIFTING_MAILBOX";

    private readonly Lock _gate = new();
    private readonly List<MailboxMessage> _messages = [];

    public string Folder { get; } = Path.GetFullPath(folder);

    public IReadOnlyList<MailboxMessage> Messages
    {
        get
        {
            lock (_gate) return [.. _messages];
        }
    }

    /// <summary><c>$GIFTING_MAILBOX</c>, else <c>.local/mailbox/</c> under the repository root.</summary>
    public static string DefaultFolder() =>
        Environment.GetEnvironmentVariable(FolderVariable) is { Length: > 0 } configured
            ? configured
            : Path.Combine(RepositoryRoot.Find(), ".local", "mailbox");

    public async Task AddEmailAsync(
        string from, IReadOnlyList<MailboxAddress> to, string subject, string text, string html, DateTimeOffset sentAt,
        CancellationToken cancellationToken)
    {
        var message = new MimeMessage { Subject = subject, Date = sentAt };
        message.From.Add(MailboxAddress.Parse(from));
        message.To.AddRange(to);
        message.Body = new BodyBuilder { TextBody = text, HtmlBody = html }.ToMessageBody();
        using var content = new MemoryStream();
        await message.WriteToAsync(content, cancellationToken);
        await WriteAsync(MailboxMessage.Email, ".eml", content.ToArray(), sentAt, cancellationToken);
        Add(new MailboxMessage(MailboxMessage.Email, string.Join(", ", to.Select(a => a.Address)), subject, text,
            Links(text), sentAt));
    }

    public async Task AddSmsAsync(
        string from, string to, string text, DateTimeOffset sentAt, CancellationToken cancellationToken)
    {
        var date = sentAt.ToUniversalTime().ToString("r", CultureInfo.InvariantCulture);
        var content = $"From: {from}\nTo: {to}\nDate: {date}\n\n{text}\n";
        await WriteAsync(MailboxMessage.Sms, ".txt", Encoding.UTF8.GetBytes(content), sentAt, cancellationToken);
        Add(new MailboxMessage(MailboxMessage.Sms, to, null, text, Links(text), sentAt));
    }

    /// <summary>Every http(s) URL in <paramref name="text"/>, without the punctuation that ends a sentence.</summary>
    public static IReadOnlyList<string> Links(string text) =>
        [.. UrlPattern().Matches(text).Select(m => m.Value.TrimEnd('.', ',', ';', ':', '!', '?', ')', ']', '\''))];

    private void Add(MailboxMessage message)
    {
        lock (_gate) _messages.Add(message);
    }

    /// <summary>Written under a temporary name and then renamed, so a reader never opens half a message.</summary>
    private async Task WriteAsync(
        string channel, string extension, byte[] content, DateTimeOffset sentAt, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Folder);
        var name = $"{sentAt.UtcDateTime:yyyyMMdd-HHmmss-fff}-{channel}-{Guid.NewGuid().ToString("N")[..8]}";
        var path = Path.Combine(Folder, name + extension);
        var partial = Path.Combine(Folder, name + ".partial");
        await File.WriteAllBytesAsync(partial, content, cancellationToken);
        File.Move(partial, path);
    }

    [GeneratedRegex(@"https?://[^\s<>""]+", RegexOptions.IgnoreCase)]
    private static partial Regex UrlPattern();
}
