// Long run (≥ 10,000 random sessions of 2–8 s each):
//   ATTUNE_PROPERTY_CASES=10000 dotnet test tests/Attune.Engine.Tests --filter "FullyQualifiedName~Attune.Engine.Tests.Safety.SafetyGovernorPropertyTests"
using CsCheck;

namespace Attune.Engine.Tests.Safety;

/// <summary>
/// Random sessions (sines, noise, bursts and sudden steps from −60 to +12 dBFS, NaN/∞ injections, random profiles,
/// output kinds, volume changes and Stop/TooLoud/Resume/FadeOut at random blocks) must keep every invariant of
/// <see cref="SafetyInvariants"/>. Case count: env var ATTUNE_PROPERTY_CASES (default 30).
/// </summary>
public class SafetyGovernorPropertyTests
{
    private static long Cases =>
        long.TryParse(Environment.GetEnvironmentVariable("ATTUNE_PROPERTY_CASES"), out long n) && n > 0 ? n : 30;

    [Fact]
    public void Every_random_session_keeps_the_safety_invariants()
    {
        SafetyScenario.Generator.Sample(s => SafetyInvariants.AssertAll(s.Execute()), iter: Cases, print: s => s.Describe());
    }
}
