namespace Gifting.Functions;

/// <summary>The custom handler's entry point; the Functions host starts this executable.</summary>
public sealed class Program
{
    private Program()
    {
    }

    public static Task Main(string[] args) => GiftingApp.Build(args).RunAsync();
}
