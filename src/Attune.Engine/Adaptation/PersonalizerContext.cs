namespace Attune.Engine.Adaptation;

/// <summary>
/// What the personaliser knows before a session starts; <see cref="WriteFeatures"/> turns it into the
/// feature vector x of the per-preset linear reward model r = w·x + ε.
/// </summary>
/// <remarks>
/// Features (<see cref="Dimension"/> = 9): [1 (intercept), tinnitus, hyperacusis, misophonia,
/// goal = Sleep, goal = Background (Settle is the reference), sin(2π·hour/24), cos(2π·hour/24),
/// baseline arousal − 0.5]. Time of day is on the circle so 23:30 and 00:30 are neighbours.
/// </remarks>
public sealed record PersonalizerContext
{
    public const int Dimension = 9;

    public PersonalizerContext(Conditions conditions, SessionGoal goal, double hourOfDay, double baselineArousal)
    {
        if ((conditions & ~(Conditions.Tinnitus | Conditions.Hyperacusis | Conditions.Misophonia)) != 0)
            throw new ArgumentOutOfRangeException(nameof(conditions), conditions, "conditions must combine Tinnitus, Hyperacusis and Misophonia");
        if (goal is not (SessionGoal.Settle or SessionGoal.Sleep or SessionGoal.Background))
            throw new ArgumentOutOfRangeException(nameof(goal), goal, "goal must be Settle, Sleep or Background");
        if (!(hourOfDay >= 0 && hourOfDay < 24))
            throw new ArgumentOutOfRangeException(nameof(hourOfDay), hourOfDay, "hourOfDay must be in [0, 24)");
        if (!(baselineArousal >= 0 && baselineArousal <= 1))
            throw new ArgumentOutOfRangeException(nameof(baselineArousal), baselineArousal, "baselineArousal must be in 0–1");
        Conditions = conditions;
        Goal = goal;
        HourOfDay = hourOfDay;
        BaselineArousal = baselineArousal;
    }

    /// <summary>The context of a session for <paramref name="profile"/> (its condition flags).</summary>
    public static PersonalizerContext For(TherapyProfile profile, SessionGoal goal, double hourOfDay, double baselineArousal)
    {
        ArgumentNullException.ThrowIfNull(profile);
        return new(profile.Conditions, goal, hourOfDay, baselineArousal);
    }

    public Conditions Conditions { get; }

    public SessionGoal Goal { get; }

    /// <summary>Local clock hour, [0, 24).</summary>
    public double HourOfDay { get; }

    /// <summary>Arousal at the start of the session, 0–1 (0.5 = the person's usual baseline).</summary>
    public double BaselineArousal { get; }

    /// <summary>Writes the <see cref="Dimension"/> features into <paramref name="x"/>.</summary>
    public void WriteFeatures(Span<double> x)
    {
        if (x.Length != Dimension) throw new ArgumentException($"x must have {Dimension} elements", nameof(x));
        double angle = 2 * Math.PI * HourOfDay / 24;
        x[0] = 1;
        x[1] = (Conditions & Conditions.Tinnitus) != 0 ? 1 : 0;
        x[2] = (Conditions & Conditions.Hyperacusis) != 0 ? 1 : 0;
        x[3] = (Conditions & Conditions.Misophonia) != 0 ? 1 : 0;
        x[4] = Goal == SessionGoal.Sleep ? 1 : 0;
        x[5] = Goal == SessionGoal.Background ? 1 : 0;
        x[6] = Math.Sin(angle);
        x[7] = Math.Cos(angle);
        x[8] = BaselineArousal - 0.5;
    }

    /// <summary>The feature vector as a new array.</summary>
    public double[] Features()
    {
        var x = new double[Dimension];
        WriteFeatures(x);
        return x;
    }
}
