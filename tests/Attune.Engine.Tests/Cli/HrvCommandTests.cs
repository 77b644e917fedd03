using System.Globalization;
using System.Text.Json.Nodes;
using Attune.Engine.Tests.Sensing;

namespace Attune.Engine.Tests.Cli;

public class HrvCommandTests
{
    private static readonly string[] Keys =
        ["mean_hr_bpm", "mean_nn_ms", "sdnn_ms", "rmssd_ms", "pnn50_pct", "lf_ms2", "hf_ms2", "lf_hf", "corrected_beats", "resp_rate_bpm", "notes"];

    private static string Lines(IEnumerable<double> rr) => string.Join('\n', rr.Select(v => v.ToString("R", CultureInfo.InvariantCulture)));

    [Fact]
    public void Json_has_exactly_the_documented_keys_and_values_for_a_five_minute_file()
    {
        using var cli = new CliRunner();
        var rr = SyntheticRr.Generate(310, 1000, 30, 0.1, 40, 0.25, noiseSdMs: 2); // RSA (0.25 Hz) dominant
        rr[100] += rr[101]; // one missed beat for the corrector to find
        rr.RemoveAt(101);
        File.WriteAllText(cli.PathOf("rr.txt"), "# strap export\n" + Lines(rr));
        var json = cli.RunJson("hrv", "--rr", cli.PathOf("rr.txt"), "--json");
        Assert.Equal(Keys, json.Select(p => p.Key));
        Assert.Equal(1, (int)json["corrected_beats"]!);
        Assert.InRange((double)json["mean_hr_bpm"]!, 59, 61);
        Assert.InRange((double)json["lf_ms2"]!, 450 * 0.85, 450 * 1.15);
        Assert.InRange((double)json["hf_ms2"]!, 800 * 0.85, 800 * 1.15);
        Assert.InRange((double)json["resp_rate_bpm"]!, 14, 16);
        Assert.Empty(json["notes"]!.AsArray());
    }

    [Fact]
    public void Short_file_gives_null_metrics_with_notes()
    {
        using var cli = new CliRunner();
        File.WriteAllText(cli.PathOf("rr.txt"), "800\n810\n790\n850\n780\n");
        var json = cli.RunJson("hrv", "--rr", cli.PathOf("rr.txt"), "--json");
        Assert.Equal(47.434, (double)json["rmssd_ms"]!, 3);
        Assert.Null(json["lf_ms2"]);
        Assert.Null(json["lf_hf"]);
        Assert.Null(json["resp_rate_bpm"]);
        Assert.True(json.ContainsKey("lf_ms2"));
        Assert.Contains(json["notes"]!.AsArray(), n => ((string)n!).StartsWith("lf_ms2: needs ≥ 120 s", StringComparison.Ordinal));
    }

    [Fact]
    public void Heart_rate_csv_reports_mean_rate_only()
    {
        using var cli = new CliRunner();
        File.WriteAllText(cli.PathOf("hr.csv"), "timestamp,heart_rate\n0,60\n1,60\n2,80\n3,80\n");
        var json = cli.RunJson("hrv", "--rr", cli.PathOf("hr.csv"), "--json");
        Assert.Equal(875, (double)json["mean_nn_ms"]!, 3);
        Assert.Null(json["rmssd_ms"]);
        Assert.Contains(json["notes"]!.AsArray(), n => ((string)n!).Contains("heart-rate samples"));
    }

    [Fact]
    public void Table_output_lists_metrics_and_notes()
    {
        using var cli = new CliRunner();
        File.WriteAllText(cli.PathOf("rr.txt"), "800\n810\n790\n850\n780\n");
        var (code, output, _) = cli.Run("hrv", "--rr", cli.PathOf("rr.txt"));
        Assert.Equal(0, code);
        Assert.Contains("RMSSD", output);
        Assert.Contains("47.43 ms", output);
        Assert.Contains("n/a", output);
        Assert.Contains("note: lf_ms2: needs", output);
    }

    [Fact]
    public void Bad_file_missing_file_and_missing_option_exit_2_with_one_line()
    {
        using var cli = new CliRunner();
        File.WriteAllText(cli.PathOf("bad.txt"), "800\n810\nabc\n");
        var (code, _, err) = cli.Run("hrv", "--rr", cli.PathOf("bad.txt"));
        Assert.Equal(2, code);
        Assert.Equal("attune: --rr: line 3: 'abc' is not a number", err.TrimEnd());

        var (missing, _, err2) = cli.Run("hrv", "--rr", cli.PathOf("nope.txt"), "--json");
        Assert.Equal(2, missing);
        Assert.Contains("not found", err2);
        Assert.Single(err2.TrimEnd().Split('\n'));

        var (noOption, _, err3) = cli.Run("hrv");
        Assert.Equal(2, noOption);
        Assert.Single(err3.TrimEnd().Split('\n'));
    }

    [Fact]
    public void Json_round_trips_as_an_object()
    {
        using var cli = new CliRunner();
        File.WriteAllText(cli.PathOf("rr.txt"), "800\n810\n");
        var (code, output, _) = cli.Run("hrv", "--rr", cli.PathOf("rr.txt"), "--json");
        Assert.Equal(0, code);
        Assert.IsType<JsonObject>(JsonNode.Parse(output));
    }
}
