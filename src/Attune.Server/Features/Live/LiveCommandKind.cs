namespace Attune.Server.Features.Live;

/// <summary>What a browser message (or the server itself) asks the session to do.</summary>
internal enum LiveCommandKind
{
    HeartRate,
    Report,
    Skip,
    Dislike,
    Volume,
    TooLoud,
    Pause,
    Resume,
    Stop,
    Ack,
    Attach,
    Detach,
    Abandon,
    /// <summary>The server is shutting down: end now (abandoned, reason server_stopped), without the fade.</summary>
    ServerStop,
}
