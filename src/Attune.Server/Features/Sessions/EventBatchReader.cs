using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Attune.Engine.Events;
using Attune.Server.Data;
using Attune.Server.Features.Shared;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace Attune.Server.Features.Sessions;

/// <summary>
/// Reads an events batch either as JSON ({"events":[...]}) or as the engine's own event log
/// (application/x-ndjson: the versioned JSON Lines that <see cref="EventLog"/> writes, header first),
/// and checks every row before anything is stored.
/// </summary>
internal static partial class EventBatchReader
{
    public static async Task<(IReadOnlyList<SessionEventDto> Events, FieldErrors Errors)> ReadAsync(HttpRequest request)
    {
        var errors = new FieldErrors();
        string mediaType = request.ContentType?.Split(';')[0].Trim().ToLowerInvariant() ?? "";
        if (mediaType is "application/x-ndjson" or "application/jsonl")
        {
            using var reader = new StreamReader(request.Body, Encoding.UTF8);
            string text = await reader.ReadToEndAsync(request.HttpContext.RequestAborted);
            try
            {
                var events = EventLog.Read(new StringReader(text))
                    .Select(e => new SessionEventDto(e.TimeSeconds, e.Stage, e.Kind, JsonSerializer.SerializeToElement(e.Data)))
                    .ToList();
                return (events, errors);
            }
            catch (FormatException e)
            {
                errors.Add("body", e.Message);
                return ([], errors);
            }
            catch (InvalidOperationException)
            {
                // A field of the wrong JSON type (e.g. "t":"soon") fails the log reader's casts.
                errors.Add("body", "is not an Attune event log: t must be a number, stage and kind strings");
                return ([], errors);
            }
        }
        if (mediaType != "application/json")
        {
            errors.Add("body", "must be application/json ({\"events\":[...]}) or application/x-ndjson (an Attune event log)");
            return ([], errors);
        }
        try
        {
            var options = request.HttpContext.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
            var batch = await JsonSerializer.DeserializeAsync<SessionEventBatch>(request.Body, options, request.HttpContext.RequestAborted);
            if (batch?.Events is null) errors.Add("events", "is required (an array of events)");
            return (batch?.Events ?? [], errors);
        }
        catch (JsonException e)
        {
            // A reader error (broken JSON) wraps the reader's own JsonException; a type mismatch names its field.
            string path = e.Path ?? "$";
            if (e.InnerException is not JsonException && path.Length > 2) errors.Add(path[2..], "has the wrong JSON type for this field");
            else errors.Add("body", $"is not valid JSON ({e.Message})");
            return ([], errors);
        }
    }

    public static FieldErrors Validate(IReadOnlyList<SessionEventDto> events)
    {
        var errors = new FieldErrors();
        if (events.Count is 0 or > SessionEventRules.MaxBatch)
            errors.Add("events", $"must hold 1–{SessionEventRules.MaxBatch} events");
        for (int i = 0; i < events.Count && i < SessionEventRules.MaxBatch; i++)
        {
            var e = events[i];
            string at = $"events[{i}]";
            if (e is null)
            {
                errors.Add(at, "must be an object {t, stage, kind, data}");
                continue;
            }
            errors.Range($"{at}.t", e.T ?? double.NaN, 0, SessionEventRules.MaxTimeSeconds, "seconds");
            if (e.Stage is null || e.Stage.Length > SessionEventRules.MaxStageLength || !Name().IsMatch(e.Stage))
                errors.Add($"{at}.stage", $"must be 1–{SessionEventRules.MaxStageLength} characters: letters, digits, '-', '_' or '.', starting with a letter");
            if (e.Kind is null || e.Kind.Length > SessionEventRules.MaxKindLength || !Name().IsMatch(e.Kind))
                errors.Add($"{at}.kind", $"must be 1–{SessionEventRules.MaxKindLength} characters: letters, digits, '-', '_' or '.', starting with a letter");
            if (e.Data is { } d && d.ValueKind != JsonValueKind.Null)
            {
                if (d.ValueKind != JsonValueKind.Object) errors.Add($"{at}.data", "must be a JSON object");
                else if (Encoding.UTF8.GetByteCount(d.GetRawText()) > SessionEventRules.MaxDataBytes)
                    errors.Add($"{at}.data", $"must be at most {SessionEventRules.MaxDataBytes} bytes of JSON");
            }
        }
        return errors;
    }

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_.-]*$")]
    private static partial Regex Name();
}
