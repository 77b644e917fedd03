namespace Attune.Engine.Composition.Model;

/// <summary>One finished epoch: mean training NLL over its (augmented) frames and the validation NLL.</summary>
public sealed record EpochReport(int Epoch, double TrainNll, double ValidNll, bool Improved, TimeSpan Elapsed);
