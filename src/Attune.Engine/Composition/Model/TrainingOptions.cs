namespace Attune.Engine.Composition.Model;

/// <summary>Shape and optimiser settings for <see cref="ChoraleNadeTrainer"/>; <see cref="Validate"/> names any bad field.</summary>
public sealed record TrainingOptions
{
    public int Window { get; init; } = 8;
    public int ContextUnits { get; init; } = 256;
    public int HiddenUnits { get; init; } = 128;
    public int Epochs { get; init; } = 100;

    /// <summary>Epochs without a better validation NLL before training stops.</summary>
    public int Patience { get; init; } = 9;
    public int BatchSize { get; init; } = 32;
    public double LearningRate { get; init; } = 2e-3;

    /// <summary>Global gradient-norm clip per batch.</summary>
    public double ClipNorm { get; init; } = 5.0;
    public ulong Seed { get; init; } = 1;

    /// <summary>
    /// Transpose each training chorale each epoch by a random shift in [−MaxShift, min(MaxShift, 5)]
    /// semitones (kept inside the keyboard); 0 trains on the chorales as given.
    /// </summary>
    public int MaxShift { get; init; } = 6;

    public void Validate()
    {
        static void Check(string name, double value, double lo, double hi)
        {
            if (!(value >= lo && value <= hi)) throw new ArgumentOutOfRangeException(name, value, $"{name} must be in [{lo}, {hi}]");
        }
        Check(nameof(Window), Window, 1, 64);
        Check(nameof(ContextUnits), ContextUnits, 1, 4096);
        Check(nameof(HiddenUnits), HiddenUnits, 1, 4096);
        Check(nameof(Epochs), Epochs, 1, 10_000);
        Check(nameof(Patience), Patience, 1, 10_000);
        Check(nameof(BatchSize), BatchSize, 1, 100_000);
        Check(nameof(LearningRate), LearningRate, 1e-6, 1);
        Check(nameof(ClipNorm), ClipNorm, 1e-3, 1e6);
        Check(nameof(MaxShift), MaxShift, 0, 6);
    }
}
