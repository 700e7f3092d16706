using Gifting.Functions.Delivery;

namespace Gifting.Integration.Tests.Delivery;

/// <summary>
/// A template a person edited wrongly stops the app at start-up, naming the file and what is wrong with it.
/// </summary>
[Collection(CosmosCollection.Name)]
public sealed class MessageTemplatesTests(CosmosFixture cosmos) : IDisposable
{
    private readonly string _folder = CopyOfShipped();

    [Fact]
    public void Load_WhenATemplateDoesNotParse_FailsNamingTheFile()
    {
        Edit(MessageTemplates.EmailHtmlFile, "<p>{% if has_message %}unclosed</p>");

        var error = Assert.Throws<InvalidOperationException>(() => GiftMessageRenderer.Load(_folder));

        Assert.Contains(MessageTemplates.EmailHtmlFile, error.Message, StringComparison.Ordinal);
        Assert.Contains("does not parse", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_WhenATemplateIsMissing_FailsNamingTheFile()
    {
        File.Delete(Path.Combine(_folder, MessageTemplates.SmsFile));

        var error = Assert.Throws<InvalidOperationException>(() => GiftMessageRenderer.Load(_folder));

        Assert.Contains($"'{MessageTemplates.SmsFile}' is missing", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_WhenATemplateNamesAnUnknownVariable_FailsNamingTheFile()
    {
        Edit(MessageTemplates.EmailSubjectFile, "{{ sender_nmae }} sent you a gift");

        var error = Assert.Throws<InvalidOperationException>(() => GiftMessageRenderer.Load(_folder));

        Assert.Contains($"'{MessageTemplates.EmailSubjectFile}' does not render", error.Message,
            StringComparison.Ordinal);
        Assert.Contains("sender_nmae", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_WhenTheHtmlPrintsAValueRaw_FailsSoNoEditCanUnescapeTheBuyersWords()
    {
        Edit(MessageTemplates.EmailHtmlFile,
            "<p>{{ sender_name | raw }}</p><p>{{ code }}</p><a href=\"{{ link }}\">Go</a>");

        var error = Assert.Throws<InvalidOperationException>(() => GiftMessageRenderer.Load(_folder));

        Assert.Contains($"'{MessageTemplates.EmailHtmlFile}' does not render", error.Message,
            StringComparison.Ordinal);
        Assert.Contains("raw", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_WhenABodyLeavesOutTheCode_Fails()
    {
        Edit(MessageTemplates.EmailTextFile, "{{ sender_name }} sent you a gift: {{ link }}");

        var error = Assert.Throws<InvalidOperationException>(() => GiftMessageRenderer.Load(_folder));

        Assert.Contains($"'{MessageTemplates.EmailTextFile}' must show", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task App_WithATemplateThatDoesNotParse_RefusesToStart()
    {
        Edit(MessageTemplates.SmsFile, "{{ code } {{ link }}");
        using var app = new GiftingFactory(cosmos,
            settings: new Dictionary<string, string> { [DeliveryRegistration.TemplatesFolderSetting] = _folder });

        var error = await app.RefusalToStartAsync<InvalidOperationException>();

        Assert.Contains(MessageTemplates.SmsFile, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void App_WithTheShippedTemplates_StartsWithTheRenderer()
    {
        using var app = new GiftingFactory(cosmos);
        using var client = app.CreateClient();

        Assert.NotNull(app.Services.GetRequiredService<GiftMessageRenderer>());
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private void Edit(string file, string content) => File.WriteAllText(Path.Combine(_folder, file), content);

    private static string CopyOfShipped()
    {
        var folder = Directory.CreateTempSubdirectory("gifting-templates-").FullName;
        foreach (var file in Directory.GetFiles(MessageTemplates.DefaultFolder))
            File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
        return folder;
    }
}
