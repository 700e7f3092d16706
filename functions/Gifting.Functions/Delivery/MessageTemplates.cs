using Fluid;

namespace Gifting.Functions.Delivery;

/// <summary>
/// The four Liquid files of a gift message, each parsed once. A file that is missing or does not parse stops the
/// app from starting, with the file and the parser's complaint in the message: a person who edited a template
/// learns of a mistake at deployment, not from a recipient who got nothing.
/// </summary>
public sealed class MessageTemplates
{
    public const string EmailSubjectFile = "email.subject.liquid";
    public const string EmailHtmlFile = "email.html.liquid";
    public const string EmailTextFile = "email.txt.liquid";
    public const string SmsFile = "sms.txt.liquid";

    private static readonly FluidParser Parser = new();

    private MessageTemplates(
        IFluidTemplate emailSubject, IFluidTemplate emailHtml, IFluidTemplate emailText, IFluidTemplate sms)
    {
        EmailSubject = emailSubject;
        EmailHtml = emailHtml;
        EmailText = emailText;
        Sms = sms;
    }

    /// <summary>The folder the app ships its templates in, next to the app itself.</summary>
    public static string DefaultFolder => Path.Combine(AppContext.BaseDirectory, "Delivery", "Templates");

    public IFluidTemplate EmailSubject { get; }
    public IFluidTemplate EmailHtml { get; }
    public IFluidTemplate EmailText { get; }
    public IFluidTemplate Sms { get; }

    public static MessageTemplates Load(string folder) =>
        new(Parse(folder, EmailSubjectFile), Parse(folder, EmailHtmlFile), Parse(folder, EmailTextFile),
            Parse(folder, SmsFile));

    private static IFluidTemplate Parse(string folder, string file)
    {
        var path = Path.Combine(folder, file);
        if (!File.Exists(path))
            throw new InvalidOperationException($"Message template '{file}' is missing from '{folder}'.");
        if (!Parser.TryParse(File.ReadAllText(path), out var template, out var error))
            throw new InvalidOperationException($"Message template '{path}' does not parse: {error}");
        return template;
    }
}
