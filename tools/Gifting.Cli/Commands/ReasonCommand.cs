using System.CommandLine;

namespace Gifting.Cli.Commands;

/// <summary>A POST that names one object and carries only a <c>reason</c>: freezing and unfreezing.</summary>
public static class ReasonCommand
{
    public static Command Create(
        Runner runner, string name, string description, Argument<string> target, Func<string, string> pathOf,
        string reasonHelp)
    {
        ArgumentNullException.ThrowIfNull(runner);
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(pathOf);
        var reason = new Option<string>("--reason") { Description = reasonHelp, Required = true };
        var command = new Command(name, description) { target, reason };
        command.SetAction((parsed, ct) => runner.CallAsync(parsed, (api, c) =>
            api.PostAsync(pathOf(ApiClient.Escape(parsed.GetValue(target)!)), new { reason = parsed.GetValue(reason) },
                c), ct));
        return command;
    }
}
