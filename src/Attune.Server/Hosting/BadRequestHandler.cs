using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace Attune.Server.Hosting;

/// <summary>
/// Turns a body that cannot be read (malformed JSON, a wrong type, no body) into a 400 validation
/// problem naming the field, or "body" when the JSON as a whole is broken.
/// </summary>
internal sealed class BadRequestHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException bad) return false;
        string field = "body";
        string message = "must be a JSON object matching the endpoint's schema";
        if (bad.InnerException is JsonException json)
        {
            // A reader error (broken JSON) wraps the reader's own JsonException; a type mismatch does not.
            string path = json.Path ?? "$";
            if (json.InnerException is not JsonException && path.Length > 2 && path.StartsWith("$.", StringComparison.Ordinal)) field = path[2..];
            message = field == "body" ? $"is not valid JSON ({json.Message})" : "has the wrong JSON type for this field";
        }
        else if (bad.StatusCode == StatusCodes.Status415UnsupportedMediaType)
        {
            message = "must be sent as application/json";
        }
        else if (bad.Message.Contains("was not provided", StringComparison.Ordinal))
        {
            message = "is required (a JSON object)";
        }
        httpContext.Response.StatusCode = bad.StatusCode == StatusCodes.Status415UnsupportedMediaType ? 415 : 400;
        var details = new ValidationProblemDetails(new Dictionary<string, string[]> { [field] = [message] })
        {
            Status = httpContext.Response.StatusCode,
            Title = "The request body could not be read.",
        };
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = details, Exception = exception })
            .ConfigureAwait(false);
    }
}
