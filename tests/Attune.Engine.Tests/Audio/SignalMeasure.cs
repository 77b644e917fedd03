namespace Attune.Engine.Tests.Audio;

/// <summary>Measurements on test signals: sine fits, THD+N, frequency by zero crossings, correlation.</summary>
internal static class SignalMeasure
{
    public static float[] Sine(int frames, double frequency, int sampleRate, double amplitude, double phase = 0)
    {
        var x = new float[frames];
        for (int i = 0; i < frames; i++)
            x[i] = (float)(amplitude * Math.Sin(2 * Math.PI * frequency * i / sampleRate + phase));
        return x;
    }

    /// <summary>Least-squares fit of a·sin + b·cos + c at a known frequency; returns amplitude and residual RMS.</summary>
    public static (double Amplitude, double ResidualRms) FitSine(ReadOnlySpan<float> x, double frequency, int sampleRate)
    {
        // Normal equations of the 3-parameter fit (IEEE Std 1057).
        double[,] m = new double[3, 3];
        double[] v = new double[3];
        for (int i = 0; i < x.Length; i++)
        {
            double w = 2 * Math.PI * frequency * i / sampleRate;
            double[] basis = [Math.Sin(w), Math.Cos(w), 1];
            for (int r = 0; r < 3; r++)
            {
                v[r] += basis[r] * x[i];
                for (int c = 0; c < 3; c++) m[r, c] += basis[r] * basis[c];
            }
        }
        double[] p = Solve3(m, v);
        double residual = 0;
        for (int i = 0; i < x.Length; i++)
        {
            double w = 2 * Math.PI * frequency * i / sampleRate;
            double e = x[i] - (p[0] * Math.Sin(w) + p[1] * Math.Cos(w) + p[2]);
            residual += e * e;
        }
        return (Math.Sqrt(p[0] * p[0] + p[1] * p[1]), Math.Sqrt(residual / x.Length));
    }

    /// <summary>THD+N in dB: residual RMS after removing the fitted sine, relative to the sine's RMS.</summary>
    public static double ThdPlusNoiseDb(ReadOnlySpan<float> x, double frequency, int sampleRate)
    {
        var (amplitude, residual) = FitSine(x, frequency, sampleRate);
        return 20 * Math.Log10(residual / (amplitude / Math.Sqrt(2)));
    }

    /// <summary>Frequency from the first and last upward zero crossings (linearly interpolated).</summary>
    public static double FrequencyByZeroCrossings(ReadOnlySpan<float> x, int sampleRate)
    {
        double first = -1, last = -1;
        int count = 0;
        for (int i = 1; i < x.Length; i++)
        {
            if (x[i - 1] < 0 && x[i] >= 0)
            {
                double t = i - 1 + x[i - 1] / (x[i - 1] - x[i]);
                if (first < 0) first = t;
                else count++;
                last = t;
            }
        }
        return count == 0 ? 0 : count * sampleRate / (last - first);
    }

    public static double Rms(ReadOnlySpan<float> x)
    {
        double s = 0;
        foreach (float v in x) s += (double)v * v;
        return Math.Sqrt(s / Math.Max(1, x.Length));
    }

    /// <summary>Best normalised correlation of b against a over lags in [-maxLag, maxLag].</summary>
    public static (double Correlation, int Lag) BestCorrelation(ReadOnlySpan<float> a, ReadOnlySpan<float> b, int maxLag)
    {
        double best = double.NegativeInfinity;
        int bestLag = 0;
        for (int lag = -maxLag; lag <= maxLag; lag++)
        {
            double ab = 0, aa = 0, bb = 0;
            for (int i = maxLag; i < a.Length - maxLag; i++)
            {
                int j = i + lag;
                if (j < 0 || j >= b.Length) continue;
                ab += (double)a[i] * b[j];
                aa += (double)a[i] * a[i];
                bb += (double)b[j] * b[j];
            }
            double c = ab / Math.Sqrt(aa * bb + 1e-30);
            if (c > best) { best = c; bestLag = lag; }
        }
        return (best, bestLag);
    }

    private static double[] Solve3(double[,] m, double[] v)
    {
        double[,] a = (double[,])m.Clone();
        double[] b = (double[])v.Clone();
        for (int col = 0; col < 3; col++)
        {
            int pivot = col;
            for (int r = col + 1; r < 3; r++)
                if (Math.Abs(a[r, col]) > Math.Abs(a[pivot, col])) pivot = r;
            for (int c = 0; c < 3; c++) (a[col, c], a[pivot, c]) = (a[pivot, c], a[col, c]);
            (b[col], b[pivot]) = (b[pivot], b[col]);
            for (int r = 0; r < 3; r++)
            {
                if (r == col) continue;
                double f = a[r, col] / a[col, col];
                for (int c = 0; c < 3; c++) a[r, c] -= f * a[col, c];
                b[r] -= f * b[col];
            }
        }
        return [b[0] / a[0, 0], b[1] / a[1, 1], b[2] / a[2, 2]];
    }
}
