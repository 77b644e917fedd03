using Attune.Engine.Simulation;

namespace Attune.Engine.Tests.Simulation;

/// <summary>
/// The acceptance run: 200 virtual patients × 20 sessions under each policy (same seed, so the
/// same patients). About 3 minutes on a 2-core machine; ATTUNE_SIM_PATIENTS lowers it for quick runs.
/// </summary>
public class PolicyComparisonTests
{
    private static int Patients =>
        int.TryParse(Environment.GetEnvironmentVariable("ATTUNE_SIM_PATIENTS"), out int n) && n >= 2 ? n : 200;

    [Fact]
    public void Adaptive_beats_static_and_learns_most_of_the_way_to_each_patients_best()
    {
        SimulationResult Run(SimulationPolicy policy) => SimulationRunner.Run(new SimulationSettings(Patients, 20, policy, seed: 1), cancel: TestContext.Current.CancellationToken);
        var adaptive = Run(SimulationPolicy.Adaptive);
        var fixedProgramme = Run(SimulationPolicy.Static);
        var random = Run(SimulationPolicy.Random);
        var best = Run(SimulationPolicy.Best);

        var (diff, low, high) = SimulationResult.PairedDifference(adaptive.PatientMeanReductions, fixedProgramme.PatientMeanReductions);
        Assert.True(low > 0, $"adaptive − static arousal reduction {diff:0.0000}, 95 % CI [{low:0.0000}, {high:0.0000}] must exclude 0");

        double ra = Mean(adaptive.PatientMeanRewards(15, 20)), rr = Mean(random.PatientMeanRewards(15, 20)), rb = Mean(best.PatientMeanRewards(15, 20));
        double ratio = (ra - rr) / (rb - rr);
        Assert.True(ratio >= 0.8, $"(R_adaptive − R_random)/(R_best − R_random) over sessions 16–20 = {ratio:0.000} (adaptive {ra:0.000}, random {rr:0.000}, best {rb:0.000})");

        TestContext.Current.TestOutputHelper?.WriteLine(
            $"adaptive − static: {diff:0.0000} [{low:0.0000}, {high:0.0000}]; ratio {ratio:0.000} (adaptive {ra:0.0000}, random {rr:0.0000}, best {rb:0.0000})");
        foreach (var r in new[] { adaptive, fixedProgramme, random, best })
        {
            Assert.Equal(0, r.ConstraintViolations);
            Assert.Equal(0, r.RateViolations);
        }
    }

    private static double Mean(IReadOnlyList<double> values) => values.Average();
}
