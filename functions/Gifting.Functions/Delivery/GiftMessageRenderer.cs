using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Fluid;
using Gifting.Core;
using Gifting.Core.Codes;
using Gifting.Core.Delivery;

namespace Gifting.Functions.Delivery;

/// <summary>
/// Renders a gift's email and text message from the editable templates (<see cref="MessageTemplates"/>). The HTML
/// body is rendered with HTML encoding on, so whatever the buyer typed is text there, never markup; the subject, the
/// plain-text body and the SMS are not HTML, so nothing is escaped in them and the buyer's words are only cleaned of
/// control characters. Templates see undefined variables and unknown filters as errors, <c>raw</c> is not a filter,
/// and every template is rendered once when the renderer is made, so a misspelt variable stops the app starting.
/// </summary>
public sealed class GiftMessageRenderer
{
    /// <summary>Shorter than this a cut name no longer says who sent the gift; the SMS takes more segments.</summary>
    public const int ShortestSenderName = 10;

    private static readonly TextEncoder Html = HtmlEncoder.Create(UnicodeRanges.All);

    private readonly MessageTemplates _templates;
    private readonly TemplateOptions _options = new() { StrictVariables = true, StrictFilters = true };

    private GiftMessageRenderer(MessageTemplates templates)
    {
        _templates = templates;
        // The one filter that prints a value unescaped: without it, no edit can put the buyer's words into markup.
        _options.Filters.Remove("raw");
        Prove();
    }

    /// <summary>Parses the templates in <paramref name="folder"/> and proves each of them renders.</summary>
    public static GiftMessageRenderer Load(string folder) => new(MessageTemplates.Load(folder));

    public EmailMessage RenderEmail(GiftContent gift, string to)
    {
        var values = MessageValues.From(gift);
        return new EmailMessage(to, values.RecipientName,
            PlainText.Line(Render(_templates.EmailSubject, values, NullEncoder.Default)),
            Render(_templates.EmailHtml, values, Html), Render(_templates.EmailText, values, NullEncoder.Default));
    }

    /// <summary>
    /// The text message to <paramref name="to"/>: one segment when the content allows. The buyer's message never
    /// goes in an SMS; when the rest does not fit, the sender's name is cut (down to
    /// <see cref="ShortestSenderName"/>); the code and the link are never cut.
    /// </summary>
    public SmsRendering RenderSms(GiftContent gift, string to)
    {
        var values = MessageValues.From(gift) with
        {
            MessageLines = [], Amount = AmountFormat.FormatForSms(gift.Amount, gift.Marketplace),
        };
        var full = RenderSmsText(values);
        if (full.Segments.Segments == 1) return new SmsRendering(new SmsMessage(to, full.Text), full.Segments);
        var name = StringInfo.GetTextElementEnumerator(values.SenderName);
        var elements = new List<string>();
        while (name.MoveNext()) elements.Add(name.GetTextElement());
        for (var keep = elements.Count - 1; keep >= ShortestSenderName; keep--)
        {
            var shorter = RenderSmsText(values with { SenderName = string.Concat(elements.Take(keep)).TrimEnd() });
            if (shorter.Segments.Segments == 1)
                return new SmsRendering(new SmsMessage(to, shorter.Text), shorter.Segments);
        }
        return new SmsRendering(new SmsMessage(to, full.Text), full.Segments);
    }

    private (string Text, SmsSegmentCount Segments) RenderSmsText(MessageValues values)
    {
        var text = Render(_templates.Sms, values, NullEncoder.Default).Trim();
        return (text, SmsSegments.Count(text));
    }

    private string Render(IFluidTemplate template, MessageValues values, TextEncoder encoder) =>
        template.Render(values.ToContext(_options), encoder);

    // A template that renders without the code or the link would send a gift nobody can open.
    private void Prove()
    {
        var values = MessageValues.From(new GiftContent("Sample Sender", "A message.", "Sample Recipient",
            new Money(2500, "USD"), Marketplace.Default, ClaimCode.Generate(),
            new Uri("https://gifting.example/redeem?t=sample"), new Uri("https://gifting.example/redeem")));
        Prove(MessageTemplates.EmailSubjectFile, _templates.EmailSubject, values, NullEncoder.Default, false);
        Prove(MessageTemplates.EmailHtmlFile, _templates.EmailHtml, values, Html, true);
        Prove(MessageTemplates.EmailTextFile, _templates.EmailText, values, NullEncoder.Default, true);
        Prove(MessageTemplates.SmsFile, _templates.Sms, values, NullEncoder.Default, true);
    }

    private void Prove(string file, IFluidTemplate template, MessageValues values, TextEncoder encoder, bool gives)
    {
        string body;
        try
        {
            body = Render(template, values, encoder);
        }
        catch (Exception e) when (e is FluidException or InvalidOperationException)
        {
            throw new InvalidOperationException($"Message template '{file}' does not render: {e.Message}", e);
        }
        if (gives && !(body.Contains(values.Code, StringComparison.Ordinal) &&
                       body.Contains(values.Link, StringComparison.Ordinal)))
            throw new InvalidOperationException(
                $"Message template '{file}' must show {{{{ code }}}} and {{{{ link }}}}.");
    }
}
