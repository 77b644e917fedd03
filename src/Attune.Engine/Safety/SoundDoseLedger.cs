using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Attune.Engine.Safety;

/// <summary>
/// Sound dose after ITU-T H.870 (2022): the output is A-weighted (IEC 61672-1), its energy converted to sound
/// pressure at the ear and summed as Pa²·h. Weekly adult allowance 1.6 Pa²·h (80 dB(A) for 40 h), 3 dB exchange.
/// Calibration: <see cref="TherapyProfile.CalibrationDbaAtFullScale"/> (dB(A) at the ear for a 0 dBFS sine);
/// uncalibrated, the EN 50332-1 reference is used (−10 dBFS programme noise ≈ 100 dB(A) at full device volume,
/// so 0 dBFS ≈ 110 dB(A)) — uncalibrated figures are therefore worst case, i.e. the device at full volume.
/// dBFS follows AES17: a full-scale sine (mean square ½) is 0 dBFS. The louder ear counts.
/// </summary>
public sealed class SoundDoseLedger
{
    /// <summary>EN 50332-1 reference: 0 dBFS ≈ 110 dB(A) at full device volume.</summary>
    public const double UncalibratedDbaAtFullScale = 110;
    /// <summary>H.870 adult weekly allowance: 80 dB(A) for 40 h = 1.6 Pa²·h.</summary>
    public const double WeeklyAllowancePa2h = 1.6;
    public const double ReferenceDba = 80, ReferenceHoursPerWeek = 40;
    private const double ReferencePressurePa = 20e-6;

    // A-weighting of both ears at once (lane 0 left, lane 1 right).
    private StereoBiquad _low, _mid, _high;
    private readonly Vector128<double> _aGain;
    private double _energyLeft, _energyRight; // Σ of A-weighted squares
    private long _frames;
    private double _extraPa2h, _extraSeconds;

    public SoundDoseLedger(double? calibrationDbaAtFullScale = null)
    {
        if (calibrationDbaAtFullScale is double c &&
            (double.IsNaN(c) || c < TherapyProfile.MinCalibrationDb || c > TherapyProfile.MaxCalibrationDb))
            throw new ArgumentOutOfRangeException(nameof(calibrationDbaAtFullScale), c,
                $"calibrationDbaAtFullScale must be in {TherapyProfile.MinCalibrationDb}–{TherapyProfile.MaxCalibrationDb} dB(A)");
        var a = AWeighting.Create();
        _low = new StereoBiquad(a.Low);
        _mid = new StereoBiquad(a.Mid);
        _high = new StereoBiquad(a.High);
        _aGain = Vector128.Create(a.Gain);
        IsCalibrated = calibrationDbaAtFullScale.HasValue;
        DbaAtFullScale = calibrationDbaAtFullScale ?? UncalibratedDbaAtFullScale;
    }

    public bool IsCalibrated { get; }

    /// <summary>dB(A) at the ear for a 0 dBFS sine (calibrated value, or the EN 50332-1 worst case).</summary>
    public double DbaAtFullScale { get; }

    public double Seconds => _frames / (double)AudioFormat.SampleRate + _extraSeconds;

    /// <summary>Accumulated dose at the louder ear, Pa²·h.</summary>
    public double DosePa2h => Math.Max(PressureSquaredSeconds(_energyLeft), PressureSquaredSeconds(_energyRight)) / 3600 + _extraPa2h;

    public double FractionOfWeeklyAllowance => DosePa2h / WeeklyAllowancePa2h;

    /// <summary>Equivalent continuous A-weighted level over <see cref="Seconds"/>, dB(A) (−∞ for silence).</summary>
    public double LaeqDba
    {
        get
        {
            double s = Seconds;
            if (s <= 0) return double.NegativeInfinity;
            double p2 = DosePa2h * 3600 / s;
            return p2 <= 0 ? double.NegativeInfinity : 10 * Math.Log10(p2 / (ReferencePressurePa * ReferencePressurePa));
        }
    }

    /// <summary>Weekly listening time allowed at a level (H.870, equal energy): 40 h × 10^(−(L − 80)/10).</summary>
    public static double AllowedHoursPerWeek(double dba) => ReferenceHoursPerWeek * Math.Pow(10, -(dba - ReferenceDba) / 10);

    /// <summary>Adds the output block (the signal at the ear, before any device volume).</summary>
    [MethodImpl(MethodImplOptions.NoInlining)] // its own method keeps the loop's state in registers
    public void Add(ReadOnlySpan<float> left, ReadOnlySpan<float> right)
    {
        StereoBiquad low = _low, mid = _mid, high = _high;
        var e = Vector128<double>.Zero;
        for (int i = 0; i < left.Length; i++)
        {
            var y = _aGain * high.Process(mid.Process(low.Process(Vector128.Create((double)left[i], right[i]))));
            e += y * y;
        }
        _low = low; _mid = mid; _high = high;
        double el = e.GetElement(0), er = e.GetElement(1);
        _energyLeft += el;
        _energyRight += er;
        _frames += left.Length;
    }

    /// <summary>Adds an exposure known by its level and duration (e.g. a summary of another session).</summary>
    public void AddExposure(double laeqDba, double seconds)
    {
        if (!double.IsFinite(laeqDba)) throw new ArgumentOutOfRangeException(nameof(laeqDba), laeqDba, "laeqDba must be finite");
        if (!(seconds >= 0)) throw new ArgumentOutOfRangeException(nameof(seconds), seconds, "seconds must be ≥ 0");
        _extraPa2h += ReferencePressurePa * ReferencePressurePa * Math.Pow(10, laeqDba / 10) * seconds / 3600;
        _extraSeconds += seconds;
    }

    // Σx² → Pa²·s: mean square ½ (0 dBFS sine) maps to DbaAtFullScale.
    private double PressureSquaredSeconds(double sumSquares)
    {
        double perUnitMeanSquare = ReferencePressurePa * ReferencePressurePa * Math.Pow(10, DbaAtFullScale / 10) * 2;
        return sumSquares * perUnitMeanSquare / AudioFormat.SampleRate;
    }
}
