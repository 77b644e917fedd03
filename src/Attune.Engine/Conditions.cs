namespace Attune.Engine;

/// <summary>The hearing disorders a profile can name; a person may have several.</summary>
[Flags]
public enum Conditions
{
    None = 0,
    Tinnitus = 1,
    Hyperacusis = 2,
    Misophonia = 4,
}
