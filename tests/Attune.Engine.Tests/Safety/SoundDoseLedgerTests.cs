using Attune.Engine.Safety;

namespace Attune.Engine.Tests.Safety;

public class SoundDoseLedgerTests
{
    [Fact]
    public void Eighty_dBA_for_one_hour_is_a_fortieth_of_the_weekly_allowance()
    {
        var ledger = new SoundDoseLedger();
        ledger.AddExposure(80, 3600);
        Assert.Equal(1.0 / 40, ledger.FractionOfWeeklyAllowance, 1e-9);
        Assert.Equal(1.6 / 40, ledger.DosePa2h, 1e-9);
        Assert.Equal(80, ledger.LaeqDba, 1e-9);
    }

    [Fact]
    public void Three_dB_more_halves_the_allowed_time()
    {
        Assert.Equal(40, SoundDoseLedger.AllowedHoursPerWeek(80), 1e-9);
        Assert.Equal(0.5, SoundDoseLedger.AllowedHoursPerWeek(83) / SoundDoseLedger.AllowedHoursPerWeek(80), 0.002);
        var ledger = new SoundDoseLedger();
        ledger.AddExposure(83, SoundDoseLedger.AllowedHoursPerWeek(83) * 3600);
        Assert.Equal(1.0, ledger.FractionOfWeeklyAllowance, 1e-9);
    }

    [Theory]
    [InlineData(null, 80.0)]   // uncalibrated: 0 dBFS ≈ 110 dB(A) (EN 50332-1), −30 dBFS → 80 dB(A)
    [InlineData(100.0, 70.0)]  // calibrated headphone: 0 dBFS = 100 dB(A)
    public void Output_signal_level_maps_through_the_calibration(double? calibration, double expectedDba)
    {
        var ledger = new SoundDoseLedger(calibration);
        // A 1 kHz sine at −30 dBFS (AES17: full-scale sine = 0 dBFS); A-weighting is 0 dB at 1 kHz.
        var x = SignalFactory.Sine(1000, Math.Pow(10, -30 / 20.0), 10 * AudioFormat.SampleRate);
        ledger.Add(x, x);
        Assert.Equal(expectedDba, ledger.LaeqDba, 0.05);
        double expectedPa2h = 4e-10 * Math.Pow(10, expectedDba / 10) * 10 / 3600;
        Assert.Equal(expectedPa2h, ledger.DosePa2h, expectedPa2h * 0.02);
        Assert.Equal(10, ledger.Seconds, 1e-9);
    }

    [Fact]
    public void Calibration_out_of_range_is_rejected()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new SoundDoseLedger(200));
        Assert.Contains("calibrationDbaAtFullScale", e.Message);
    }
}
