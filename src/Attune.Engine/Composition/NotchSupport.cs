using Attune.Engine.Synthesis;

namespace Attune.Engine.Composition;

/// <summary>
/// The "notch support" layer: chorale pitches sit at ~100 Hz–2.1 kHz, far below a typical tinnitus
/// frequency fT (3–8 kHz), so without help a notch at fT would remove nothing. This layer puts
/// steady energy across fT·2^(±(0.4W + 0.5)) (W = notch width in octaves): the notch band itself,
/// which the notch then removes, and both half-octave bands beside it, which it leaves (Okamoto 2010:
/// the therapy lies in the lateral inhibition from those neighbours). Its level follows the music's
/// own power (3 s time constant) so each neighbouring band stays at <see cref="BandLevelDb"/> relative
/// to the music at every arousal. Two forms:
/// <list type="bullet">
/// <item>Noise (an airy hiss, classed SteadyNoise | WindLike | Breathy): decorrelated noise per
/// channel through three band-passes, at fT·2^(−(0.4W+0.25)), fT and fT·2^(0.4W+0.25).</item>
/// <item>Tonal, used when the profile excludes any of those classes: sustained sines on the key's
/// tonic, second and fifth (a sus2 "shimmer", consonant in major and minor) lying in those bands —
/// those degrees are never more than 5 semitones apart, so every half-octave band holds at least
/// one — each swelling slowly (±20 %, 0.05–0.15 Hz). Classed TonalSustained; when that too is
/// excluded the layer is silent and the spectral guarantee does not hold.</item>
/// </list>
/// </summary>
internal sealed class NotchSupport
{
    public const SoundClass NoiseClasses = SoundClass.SteadyNoise | SoundClass.WindLike | SoundClass.Breathy;
    public const SoundClass TonalClasses = SoundClass.TonalSustained;
    /// <summary>Power in each neighbouring half-octave band relative to the music's total power.</summary>
    public const double BandLevelDb = -21;
    private const int MaxPartials = 12;
    private const double FollowSeconds = 3;
    // A band-pass with Q 1.4 spans about an octave; about 60 % of its power falls in its half-octave band.
    private const double NoiseQ = 1.4, NoiseInBandShare = 0.6;
    private static readonly int[] ShimmerDegrees = [0, 2, 7];

    private readonly StateVariableFilter[] _filters = new StateVariableFilter[6];
    private readonly double[] _noiseScale = new double[3];
    private readonly double[] _cos = new double[MaxPartials], _sin = new double[MaxPartials];
    private readonly double[] _re = new double[MaxPartials], _im = new double[MaxPartials];
    private readonly double[] _partialShare = new double[MaxPartials];
    private readonly double[] _lfoRate = new double[MaxPartials], _lfoPhase = new double[MaxPartials];
    private readonly double[] _lfoGain = new double[MaxPartials];
    private readonly int _partials;
    private uint _noiseL, _noiseR;
    private double _musicPower, _gain;

    public NotchSupport(double tinnitusHz, double notchOctaves, SoundClass excludedClasses, int tonicPitchClass, SeededRandom random)
    {
        IsTonal = (excludedClasses & NoiseClasses) != 0;
        IsSilent = IsTonal && (excludedClasses & TonalClasses) != 0;
        double edge = 0.4 * notchOctaves;
        double nyquistGuard = AudioFormat.SampleRate * 0.45;
        _noiseL = (uint)random.NextUInt64() | 1;
        _noiseR = (uint)random.NextUInt64() | 1;
        double[] centres = [tinnitusHz * Math.Pow(2, -(edge + 0.25)), tinnitusHz, tinnitusHz * Math.Pow(2, edge + 0.25)];
        for (int b = 0; b < 3; b++)
        {
            double fc = Math.Min(centres[b], nyquistGuard);
            _filters[2 * b].SetCoefficients(fc, NoiseQ);
            _filters[2 * b + 1].SetCoefficients(fc, NoiseQ);
            // Unit white noise (uniform ±1 has variance 1/3) through a unity-peak band-pass keeps about π·fc/(Q·fs) of it.
            double kept = Math.PI * fc / (NoiseQ * AudioFormat.SampleRate) / 3;
            _noiseScale[b] = 1 / Math.Sqrt(kept * NoiseInBandShare);
        }
        if (IsTonal) _partials = PlaceShimmer(tinnitusHz, edge, tonicPitchClass, random);
    }

    /// <summary>True when the tonal shimmer replaces the noise band.</summary>
    public bool IsTonal { get; }

    /// <summary>True when the profile excludes both forms.</summary>
    public bool IsSilent { get; }

    /// <summary>Adds the layer to a block of music, tracking the music's power first.</summary>
    public void AddTo(Span<float> left, Span<float> right)
    {
        int n = left.Length;
        if (IsSilent || n == 0) return;
        double sum = 0;
        for (int i = 0; i < n; i++) sum += (double)left[i] * left[i] + (double)right[i] * right[i];
        double alpha = 1 - Math.Exp(-n / (FollowSeconds * AudioFormat.SampleRate));
        _musicPower += alpha * (sum / (2 * n) - _musicPower);
        double target = Math.Sqrt(_musicPower * Math.Pow(10, BandLevelDb / 10));
        double g0 = _gain, step = (target - g0) / n;
        _gain = target;
        if (IsTonal) AddShimmer(left, right, g0, step);
        else AddNoise(left, right, g0, step);
    }

    private void AddNoise(Span<float> left, Span<float> right, double g, double step)
    {
        const double scale = 1.0 / 2147483648.0;
        uint nl = _noiseL, nr = _noiseR;
        StateVariableFilter lo0 = _filters[0], lo1 = _filters[1], mid0 = _filters[2], mid1 = _filters[3], hi0 = _filters[4], hi1 = _filters[5];
        double sLo = _noiseScale[0], sMid = _noiseScale[1], sHi = _noiseScale[2];
        for (int i = 0; i < left.Length; i++)
        {
            nl ^= nl << 13; nl ^= nl >> 17; nl ^= nl << 5;
            nr ^= nr << 13; nr ^= nr >> 17; nr ^= nr << 5;
            double xl = (int)nl * scale, xr = (int)nr * scale;
            g += step;
            left[i] += (float)(g * (sLo * lo0.BandPass(xl) + sMid * mid0.BandPass(xl) + sHi * hi0.BandPass(xl)));
            right[i] += (float)(g * (sLo * lo1.BandPass(xr) + sMid * mid1.BandPass(xr) + sHi * hi1.BandPass(xr)));
        }
        _filters[0] = lo0; _filters[1] = lo1; _filters[2] = mid0; _filters[3] = mid1; _filters[4] = hi0; _filters[5] = hi1;
        _noiseL = nl; _noiseR = nr;
    }

    private void AddShimmer(Span<float> left, Span<float> right, double g, double step)
    {
        int n = left.Length;
        double seconds = (double)n / AudioFormat.SampleRate;
        for (int p = 0; p < _partials; p++)
        {
            _lfoPhase[p] += 2 * Math.PI * _lfoRate[p] * seconds;
            if (_lfoPhase[p] > 2 * Math.PI) _lfoPhase[p] -= 2 * Math.PI;
            double a0 = _lfoGain[p], a1 = (1 + 0.2 * Math.Sin(_lfoPhase[p])) * Math.Sqrt(2 * _partialShare[p]);
            _lfoGain[p] = a1;
            double da = (a1 - a0) / n, gg = g, re = _re[p], im = _im[p], c = _cos[p], s = _sin[p];
            for (int i = 0; i < n; i++)
            {
                double r = re * c - im * s;
                im = re * s + im * c;
                re = r;
                gg += step;
                a0 += da;
                float x = (float)(gg * a0 * re);
                left[i] += x;
                right[i] += x;
            }
            // Renormalise the rotating phasor once per block so rounding never changes its amplitude.
            double norm = 1 / Math.Sqrt(re * re + im * im);
            _re[p] = re * norm;
            _im[p] = im * norm;
        }
    }

    /// <summary>Shimmer tones in the three bands; each neighbouring band's tones share its power equally.</summary>
    private int PlaceShimmer(double tinnitusHz, double edge, int tonic, SeededRandom random)
    {
        double[] lows = [tinnitusHz * Math.Pow(2, -edge - 0.5), tinnitusHz * Math.Pow(2, -edge), tinnitusHz * Math.Pow(2, edge)];
        double[] highs = [lows[1], lows[2], tinnitusHz * Math.Pow(2, edge + 0.5)];
        int count = 0;
        for (int band = 0; band < 3; band++)
        {
            int first = count;
            for (int note = 0; note < 160 && count < MaxPartials; note++)
            {
                double hz = 440 * Math.Pow(2, (note - 69) / 12.0);
                if (hz < lows[band] || hz > highs[band] || hz > 20_000) continue;
                if (Array.IndexOf(ShimmerDegrees, ((note - tonic) % 12 + 12) % 12) < 0) continue;
                double w = 2 * Math.PI * hz / AudioFormat.SampleRate;
                _cos[count] = Math.Cos(w);
                _sin[count] = Math.Sin(w);
                double phase = random.NextDouble() * 2 * Math.PI;
                _re[count] = Math.Cos(phase);
                _im[count] = Math.Sin(phase);
                _lfoRate[count] = 0.05 + 0.1 * random.NextDouble();
                _lfoPhase[count] = random.NextDouble() * 2 * Math.PI;
                count++;
            }
            for (int p = first; p < count; p++) _partialShare[p] = 1.0 / (count - first);
        }
        for (int p = 0; p < count; p++) _lfoGain[p] = (1 + 0.2 * Math.Sin(_lfoPhase[p])) * Math.Sqrt(2 * _partialShare[p]);
        return count;
    }
}
