namespace Attune.Engine.Adaptation;

/// <summary>
/// How a session went, as the personaliser's feedback. <see cref="Reward"/> turns it into one number
/// (higher = better).
/// </summary>
public sealed record SessionOutcome
{
    // Reward weights: arousal reduction is the therapy's aim; distress counts half; ratings, skips and
    // dislikes are weaker, noisier signals (THERAPY.md: skips are negative feedback). Design choices, not fitted.
    public const double DistressWeight = 0.5, RatingWeight = 0.05, SkipWeight = 0.1, DislikeWeight = 0.2;
    /// <summary>Sessions shorter than this lose up to <see cref="ShortSessionPenalty"/>, linearly.</summary>
    public const double FullSessionMinutes = 10, ShortSessionPenalty = 0.1;
    public const int MaxCount = 1000;
    /// <summary>Skips and dislikes beyond these counts add nothing: an unbounded penalty would swamp the Gaussian reward model.</summary>
    public const int MaxPenalisedSkips = 5, MaxPenalisedDislikes = 3;

    public SessionOutcome(double arousalChange, double distressChange = 0, double? rating = null, int skips = 0,
        int dislikes = 0, double minutesListened = FullSessionMinutes, SoundClass dislikedClasses = SoundClass.None)
    {
        Require(nameof(arousalChange), arousalChange, -1, 1);
        Require(nameof(distressChange), distressChange, -1, 1);
        if (rating is double r) Require(nameof(rating), r, 0, 10);
        if (skips < 0 || skips > MaxCount)
            throw new ArgumentOutOfRangeException(nameof(skips), skips, $"skips must be in 0–{MaxCount}");
        if (dislikes < 0 || dislikes > MaxCount)
            throw new ArgumentOutOfRangeException(nameof(dislikes), dislikes, $"dislikes must be in 0–{MaxCount}");
        Require(nameof(minutesListened), minutesListened, 0, 24 * 60);
        if ((dislikedClasses & ~PersonalizerState.AllClasses) != 0)
            throw new ArgumentOutOfRangeException(nameof(dislikedClasses), dislikedClasses, "dislikedClasses must combine defined SoundClass flags");
        ArousalChange = arousalChange;
        DistressChange = distressChange;
        Rating = rating;
        Skips = skips;
        Dislikes = dislikes;
        MinutesListened = minutesListened;
        DislikedClasses = dislikedClasses;
    }

    /// <summary>End minus start arousal on the 0–1 scale; negative = calmer.</summary>
    public double ArousalChange { get; }

    /// <summary>End minus start distress on the 0–1 scale; negative = less distressed.</summary>
    public double DistressChange { get; }

    /// <summary>The person's 0–10 rating, if given.</summary>
    public double? Rating { get; }

    public int Skips { get; }

    public int Dislikes { get; }

    public double MinutesListened { get; }

    /// <summary>Sound classes a dislike was tagged with as its trigger; the personaliser excludes them for the person.</summary>
    public SoundClass DislikedClasses { get; }

    /// <summary>
    /// reward = −ArousalChange − 0.5·DistressChange + 0.05·(rating − 5) − 0.1·min(skips, 5) − 0.2·min(dislikes, 3)
    /// − 0.1·max(0, 1 − minutes/10); the rating term is 0 when no rating was given.
    /// </summary>
    public double Reward =>
        -ArousalChange
        - DistressWeight * DistressChange
        + (Rating is double r ? RatingWeight * (r - 5) : 0)
        - SkipWeight * Math.Min(Skips, MaxPenalisedSkips)
        - DislikeWeight * Math.Min(Dislikes, MaxPenalisedDislikes)
        - ShortSessionPenalty * Math.Max(0, 1 - MinutesListened / FullSessionMinutes);

    private static void Require(string name, double value, double min, double max)
    {
        if (!(value >= min && value <= max))
            throw new ArgumentOutOfRangeException(name, value, $"{name} must be in {min}–{max}");
    }
}
