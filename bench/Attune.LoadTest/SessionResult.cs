using System.Text.Json.Nodes;

namespace Attune.LoadTest;

/// <summary>One session's figures: connect → first frame (ms), frames received, virtual-player underruns, worst lateness, codec, the summary's server object.</summary>
internal sealed record SessionResult(double FirstFrameMs, long Frames, long Underruns, double WorstLateMs, string Codec, JsonObject? Server);
