using System.Globalization;
using Gifting.LocalHost;
using NCrontab;

namespace Gifting.Integration.Tests.Local;

/// <summary>The stand-in reads timer schedules as the Functions host does: six fields with seconds, in UTC.</summary>
public sealed class TimerScheduleTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 22, 2, 11, 30, TimeSpan.Zero);

    [Theory]
    [InlineData("0 0 * * * *", "2026-11-22T03:00:00+00:00")]
    [InlineData("*/15 * * * * *", "2026-11-22T02:11:45+00:00")]
    [InlineData("0 */5 * * * *", "2026-11-22T02:15:00+00:00")]
    [InlineData("0 30 9 * * 1-5", "2026-11-23T09:30:00+00:00")]
    [InlineData("0 0 0 1 1 *", "2027-01-01T00:00:00+00:00")]
    [InlineData("30 11 2 22 11 *", "2027-11-22T02:11:30+00:00")]
    public void NextAfter_IsTheFirstOccurrenceAfter(string schedule, string expected) =>
        Assert.Equal(Parse(expected), TimerSchedule.Parse(schedule).NextAfter(At));

    [Fact]
    public void NextAfter_ReadsTheScheduleInUtc_WhateverTheOffsetOfTheStart()
    {
        var sameInstant = At.ToOffset(TimeSpan.FromHours(5));

        var next = TimerSchedule.Parse("0 0 3 * * *").NextAfter(sameInstant);

        Assert.Equal(Parse("2026-11-22T03:00:00+00:00"), next);
        Assert.Equal(TimeSpan.Zero, next.Offset);
    }

    [Theory]
    [InlineData("* * * * *")]
    [InlineData("61 * * * * *")]
    [InlineData("a * * * * *")]
    [InlineData("0 0 0 0 * *")]
    public void Parse_RejectsWhatIsNotASixFieldSchedule(string schedule) =>
        Assert.Throws<CrontabException>(() => TimerSchedule.Parse(schedule));

    [Fact]
    public void EveryTimerFunction_HasAScheduleTheStandInCanRun()
    {
        var timers = FunctionCatalog.Load().Where(f => f.Trigger.Type == "timerTrigger").ToList();

        Assert.Contains(timers, t => t.Name == "ExpirePromotionalCredits");
        Assert.All(timers, t => Assert.True(TimerSchedule.Parse(t.Trigger.Schedule!).NextAfter(At) > At));
    }

    private static DateTimeOffset Parse(string instant) => DateTimeOffset.Parse(instant, CultureInfo.InvariantCulture);
}
