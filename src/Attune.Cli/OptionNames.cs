namespace Attune.Cli;

/// <summary>Maps engine setting names to the command-line options that set them, for error messages.</summary>
internal static class OptionNames
{
    public static string ForField(string field) => field switch
    {
        "TinnitusHz" => "--tinnitus-hz",
        "NotchOctaves" => "--notch-octaves",
        "JustAudibleDbfs" => "--threshold-dbfs",
        "MaxLufs" => "--max-lufs",
        "CeilingDbtp" => "--ceiling-dbtp",
        "Minutes" => "--minutes",
        "LevelDbAboveJustAudible" => "--level-db-sl",
        "ArousalStart" => "--arousal-start",
        "ArousalEnd" => "--arousal-end",
        _ => field,
    };
}
