namespace Attune.Engine;

/// <summary>A setting outside its allowed range; the message names the field and the range.</summary>
public sealed class ProfileValidationException : ArgumentException
{
    public ProfileValidationException(string field, string message)
        : base($"{field}: {message}", field)
    {
        Field = field;
    }

    public ProfileValidationException() : this("value", "invalid") { }

    public ProfileValidationException(string message) : this("value", message) { }

    public ProfileValidationException(string message, Exception innerException) : base(message, innerException)
    {
        Field = "value";
    }

    public string Field { get; } = "value";
}
