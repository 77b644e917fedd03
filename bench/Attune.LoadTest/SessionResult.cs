using System.Text.Json.Nodes;

namespace Attune.LoadTest;

/// <summary>One session's figures: connect → first frame (ms), frames received, virtual-player underruns, worst lateness, when the last underrun came (ms after the first frame, NaN for none), codec, the summary's server object.</summary>
internal sealed record SessionResult(double FirstFrameMs, long Frames, long Underruns, double WorstLateMs, double LastUnderrunMs, string Codec, JsonObject? Server);
