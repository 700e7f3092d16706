using Gifting.Functions;

await GiftingApp.Build(args).RunAsync();

/// <summary>The custom handler's entry point; public for the test host.</summary>
public partial class Program;
