namespace PrivacyDesk.Domain.Common;

/// <summary>
/// An expected business failure, identified by a stable code (e.g. <c>staff.email.duplicate</c>).
/// The user interface turns the code into a sentence in the user's language; the optional
/// <see cref="Field"/> says which input the message belongs next to.
/// </summary>
public sealed record Error(string Code, string? Field = null, IReadOnlyDictionary<string, string>? Arguments = null)
{
    public override string ToString() => Field is null ? Code : $"{Code} ({Field})";
}

/// <summary>The outcome of an operation that can fail for a reason the user must be told.</summary>
public class Result
{
    protected Result(IReadOnlyList<Error> errors) => Errors = errors;

    public IReadOnlyList<Error> Errors { get; }

    public bool IsSuccess => Errors.Count == 0;

    public bool IsFailure => !IsSuccess;

    public static Result Success() => new([]);

    public static Result Failure(Error error) => new([error]);

    public static Result Failure(IEnumerable<Error> errors)
    {
        var list = errors.ToList();
        if (list.Count == 0)
        {
            throw new ArgumentException("A failure needs at least one error.", nameof(errors));
        }
        return new Result(list);
    }

    public static Result<T> Success<T>(T value) => Result<T>.Of(value);
}

/// <summary>A <see cref="Result"/> that carries a value when it succeeds.</summary>
public sealed class Result<T> : Result
{
    private readonly T? _value;

    private Result(T? value, IReadOnlyList<Error> errors) : base(errors) => _value = value;

    public T Value => IsSuccess
        ? _value!
        : throw new InvalidOperationException($"No value: the operation failed with {string.Join(", ", Errors)}.");

    public static Result<T> Of(T value) => new(value, []);

    public static new Result<T> Failure(Error error) => new(default, [error]);

    public static new Result<T> Failure(IEnumerable<Error> errors)
    {
        var list = errors.ToList();
        return list.Count == 0
            ? throw new ArgumentException("A failure needs at least one error.", nameof(errors))
            : new Result<T>(default, list);
    }
}
