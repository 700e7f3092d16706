using Gifting.LocalHost;

namespace Gifting.Integration.Tests.Local;

public sealed class NcrontabTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 22, 2, 11, 30, TimeSpan.Zero);

    [Theory]
    [InlineData("0 0 * * * *", "2026-11-22T03:00:00+00:00")]
    [InlineData("*/15 * * * * *", "2026-11-22T02:11:45+00:00")]
    [InlineData("0 */5 * * * *", "2026-11-22T02:15:00+00:00")]
    [InlineData("0 30 9 * * 1-5", "2026-11-23T09:30:00+00:00")]
    [InlineData("0 0 0 1 1 *", "2027-01-01T00:00:00+00:00")]
    [InlineData("30 11 2 22 11 *", "2027-11-22T02:11:30+00:00")]
    public void Next_IsTheFirstOccurrenceAfter(string schedule, string expected) =>
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), Ncrontab.Parse(schedule).Next(At));

    [Theory]
    [InlineData("* * * * *")]
    [InlineData("61 * * * * *")]
    [InlineData("a * * * * *")]
    [InlineData("0 0 0 0 * *")]
    public void Parse_RejectsWhatIsNotASixFieldSchedule(string schedule) =>
        Assert.Throws<FormatException>(() => Ncrontab.Parse(schedule));

    [Fact]
    public void EveryTimerFunction_HasAScheduleTheStandInCanRun()
    {
        var timers = FunctionCatalog.Load().Where(f => f.Trigger.Type == "timerTrigger").ToList();

        Assert.Contains(timers, t => t.Name == "ExpirePromotionalCredits");
        Assert.All(timers, t => Assert.True(Ncrontab.Parse(t.Trigger.Schedule!).Next(At) > At));
    }
}
