using NCrontab;

namespace Gifting.LocalHost;

/// <summary>
/// Timer-trigger schedules read as the Functions host reads them: NCrontab with the seconds field
/// (<c>second minute hour day month day-of-week</c>), in UTC, which is the host's zone unless WEBSITE_TIME_ZONE says
/// otherwise.
/// </summary>
public static class TimerSchedule
{
    private static readonly CrontabSchedule.ParseOptions WithSeconds = new() { IncludingSeconds = true };

    /// <exception cref="CrontabException">The expression is not a six-field NCRONTAB schedule.</exception>
    public static CrontabSchedule Parse(string expression) => CrontabSchedule.Parse(expression, WithSeconds);

    /// <summary>The first occurrence strictly after <paramref name="after"/>, in UTC.</summary>
    public static DateTimeOffset NextAfter(this CrontabSchedule schedule, DateTimeOffset after) =>
        new(DateTime.SpecifyKind(schedule.GetNextOccurrence(after.UtcDateTime), DateTimeKind.Utc));
}
