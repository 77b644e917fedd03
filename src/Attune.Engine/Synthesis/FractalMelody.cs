namespace Attune.Engine.Synthesis;

/// <summary>
/// A 1/f sequence of scale degrees by the Voss–McCartney method (M. Gardner, "White and brown
/// music, fractal curves and one-over-f fluctuations", Scientific American 238(4), 1978): the sum
/// of several random rows, row r redrawn every 2^r steps, so most steps change one row and the
/// melody moves mostly by small intervals while still wandering over the whole register.
/// </summary>
internal sealed class FractalMelody
{
    private const int Rows = 5;
    private readonly double[] _rows = new double[Rows + 1];
    private readonly SeededRandom _random;
    private readonly int _degrees;
    private long _step;

    public FractalMelody(SeededRandom random, int degreeCount)
    {
        _random = random;
        _degrees = degreeCount;
        for (int r = 0; r < _rows.Length; r++) _rows[r] = random.NextDouble();
    }

    /// <summary>The next scale degree, 0..degreeCount−1.</summary>
    public int NextDegree()
    {
        _step++;
        // The last row is white (every step); row r of the others changes when step has r trailing zeros.
        int row = Math.Min(System.Numerics.BitOperations.TrailingZeroCount(_step), Rows - 1);
        _rows[row] = _random.NextDouble();
        _rows[Rows] = _random.NextDouble();
        double sum = 0;
        foreach (double v in _rows) sum += v;
        // The sum of uniforms clusters in the middle; stretch it so the register's edges are reached.
        double x = 0.5 + (sum / _rows.Length - 0.5) * 1.8;
        return Math.Clamp((int)(x * _degrees), 0, _degrees - 1);
    }
}
