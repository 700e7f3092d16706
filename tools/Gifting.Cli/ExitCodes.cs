namespace Gifting.Cli;

/// <summary>What a script can rely on: each outcome has its own exit code.</summary>
public static class ExitCodes
{
    /// <summary>The command did what it was asked.</summary>
    public const int Ok = 0;

    /// <summary>The command line was wrong (unknown command or option, a missing or malformed value).</summary>
    public const int Usage = 2;

    /// <summary>The API refused the request (a 4xx problem: not found, forbidden, a conflict, bad input).</summary>
    public const int Refused = 3;

    /// <summary>The API failed or could not be reached (a 5xx answer, a timeout, no connection).</summary>
    public const int Unavailable = 4;

    /// <summary>The CLI itself failed unexpectedly (its message and stack are printed): a bug to report.</summary>
    public const int Unexpected = 1;

    /// <summary>A local file could not be written.</summary>
    public const int FileError = 5;
}
