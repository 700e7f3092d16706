using System.Diagnostics;
using System.Text.Json.Nodes;
using Gifting.LocalHost;

namespace Gifting.Integration.Tests.Deployment;

/// <summary>
/// What can be checked of the deployment scripts without Azure: they parse, and the parameters deploy.sh passes are
/// the template's, every required one among them.
/// </summary>
public sealed class DeployScriptTests
{
    [Theory]
    [InlineData("deploy.sh")]
    [InlineData("package.sh")]
    public async Task Script_ParsesAsBash(string script)
    {
        var (exitCode, output) = await RunAsync("-n", Path.Combine(Folder(), script));

        Assert.True(exitCode == 0, output);
    }

    [Fact]
    public async Task DeployScript_PassesOnlyTheTemplatesParametersAndEveryRequiredOne()
    {
        var (exitCode, output) = await RunAsync(Path.Combine(Folder(), "deploy.sh"), "--parameters-only",
            "--resource-group", "rg-gifting", "--location", "westeurope",
            "--authority", "https://login.example.invalid/tenant/v2.0", "--audience", "api://gifting",
            "--sms-from", "+18005550100");
        Assert.True(exitCode == 0, output);

        var passed = JsonNode.Parse(output)!["parameters"]!.AsObject().Select(p => p.Key).ToHashSet();
        var declared = ArmSnapshot.Current.Template["parameters"]!.AsObject();
        var required = declared.Where(p => p.Value!["defaultValue"] is null).Select(p => p.Key);

        Assert.Empty(passed.Except(declared.Select(p => p.Key)));
        Assert.Empty(required.Except(passed));
    }

    [Fact]
    public async Task DeployScript_WithoutARequiredArgument_StopsBeforeReachingAzure()
    {
        var (exitCode, output) = await RunAsync(Path.Combine(Folder(), "deploy.sh"), "--parameters-only",
            "--resource-group", "rg-gifting", "--location", "westeurope");

        Assert.Equal(2, exitCode);
        Assert.Contains("--authority is required", output, StringComparison.Ordinal);
    }

    private static string Folder() => Path.Combine(RepositoryRoot.Find(), "infra", "azure");

    private static async Task<(int ExitCode, string Output)> RunAsync(params string[] arguments)
    {
        using var bash = Process.Start(new ProcessStartInfo("bash", arguments)
        {
            RedirectStandardOutput = true, RedirectStandardError = true,
        })!;
        var output = bash.StandardOutput.ReadToEndAsync();
        var errors = bash.StandardError.ReadToEndAsync();
        await bash.WaitForExitAsync();
        return (bash.ExitCode, await output + await errors);
    }
}
