namespace Gifting.Core;

/// <summary>The expected ways a use case can say no. Each maps to one status and problem code at the edge.</summary>
public enum ErrorCode
{
    ValidationFailed,
    InvalidCode,
    AlreadyRedeemed,
    CardNotActivated,
    RegionMismatch,
    TooManyAttempts,
    CardNotFound,
    CardAlreadyActive,
    CardCancelled,
    InsufficientFunds,
    CurrencyMismatch,
    NotUnderReview,
}

public sealed record Failure(ErrorCode Code, string Detail, TimeSpan? RetryAfter = null);

/// <summary>A use case's answer: a value, or an expected failure.</summary>
public readonly struct Result<T>
{
    private readonly T? _value;

    private Result(T? value, Failure? failure)
    {
        _value = value;
        Failure = failure;
    }

    public Failure? Failure { get; }

    public bool Succeeded => Failure is null;

    public T Value => Failure is null ? _value! : throw new InvalidOperationException($"The result is a failure: {Failure.Code}.");

    public static implicit operator Result<T>(T value) => new(value, null);

    public static implicit operator Result<T>(Failure failure) => new(default, failure);
}
