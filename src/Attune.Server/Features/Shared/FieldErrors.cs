using Microsoft.AspNetCore.Http.HttpResults;

namespace Attune.Server.Features.Shared;

/// <summary>Collects validation messages keyed by the field's JSON name, for one RFC 7807 response.</summary>
internal sealed class FieldErrors
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public bool Any => _errors.Count > 0;

    public void Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var list)) _errors[field] = list = [];
        list.Add(message);
    }

    /// <summary>Adds "must be within min–max unit" when the value is missing, not finite or out of range.</summary>
    public void Range(string field, double value, double min, double max, string unit)
    {
        if (!double.IsFinite(value) || value < min || value > max) Add(field, $"must be within {min:0.###}–{max:0.###} {unit}");
    }

    /// <summary>The fields with messages, in the order they were first added.</summary>
    public IEnumerable<string> Fields => _errors.Keys;

    /// <summary>The messages for one field (none when it is fine), for pages that show them beside the field.</summary>
    public IReadOnlyList<string> For(string field) => _errors.TryGetValue(field, out var list) ? list : [];

    public ValidationProblem ToProblem() =>
        TypedResults.ValidationProblem(_errors.ToDictionary(e => e.Key, e => e.Value.ToArray()), title: "The request has invalid fields.");
}
