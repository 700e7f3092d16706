namespace Gifting.Core;

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

    public T Value => Failure is null
        ? _value!
        : throw new InvalidOperationException($"The result is a failure: {Failure.Code}.");

    public static implicit operator Result<T>(T value) => new(value, null);

    public static implicit operator Result<T>(Failure failure) => new(default, failure);
}
