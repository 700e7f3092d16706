namespace Gifting.Integration.Tests.Reliability.CrashPoints;

/// <summary>
/// One run of a money path, arranged on a rig: <see cref="Act"/> is the step a crash may stop, <see cref="Recover"/>
/// what the platform retries after the restart (the client's retry, the message's redelivery, the timer's next
/// run, the sweepers), and <see cref="Check"/> names every way the end state lost or doubled something.
/// </summary>
public sealed record CrashCase(Func<Task> Act, Func<Task> Recover, Func<Task<List<string>>> Check);

/// <summary>A money path: how to arrange a fresh run of it, with inputs drawn from the random source.</summary>
public sealed record CrashPath(string Name, Func<CrashRig, Random, Task<CrashCase>> Arrange)
{
    public override string ToString() => Name;
}
