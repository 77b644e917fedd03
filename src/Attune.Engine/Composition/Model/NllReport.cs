namespace Attune.Engine.Composition.Model;

/// <summary>Frame-level NLL of a split: scored frames exclude each chorale's first frame (Bai et al. 2018 convention).</summary>
public sealed record NllReport(int Chorales, int Frames, double NllPerFrame);
