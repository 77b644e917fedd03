using Attune.Engine.Sensing;

namespace Attune.Engine.Tests.Sensing;

public class RrIntervalFileTests
{
    [Fact]
    public void Text_file_with_header_comments_and_blank_lines_is_read()
    {
        var f = RrIntervalFile.Parse("RR intervals\n# exported by a strap app\n812\n\n798.5  # note\r\n805\n");
        Assert.Equal([812.0, 798.5, 805.0], f.RrMs);
        Assert.False(f.FromHeartRate);
    }

    [Theory]
    [InlineData("812\n800\nabc\n790", 3, "'abc' is not a number")]
    [InlineData("812\n800\n12000", 3, "RR 12000 ms outside 200–3000 ms plausible import range")]
    [InlineData("0.812\n0.8", 1, "values in seconds?")]
    [InlineData("812\nheader\n800", 2, "'header' is not a number")]
    [InlineData("# c\n\n812\n150\n", 4, "RR 150 ms outside")]
    public void Text_errors_name_the_line_and_the_problem(string text, int line, string message)
    {
        var e = Assert.Throws<RrImportException>(() => RrIntervalFile.Parse(text));
        Assert.Equal(line, e.Line);
        Assert.StartsWith($"line {line}: ", e.Message);
        Assert.Contains(message, e.Message);
    }

    [Fact]
    public void Files_without_two_values_are_rejected()
    {
        Assert.Contains("no RR values", Assert.Throws<RrImportException>(() => RrIntervalFile.Parse("# only a comment\n\n")).Message);
        Assert.Contains("at least 2", Assert.Throws<RrImportException>(() => RrIntervalFile.Parse("RR\n800\n")).Message);
    }

    [Fact]
    public void Csv_with_time_and_rr_columns_uses_the_rr_column()
    {
        var f = RrIntervalFile.Parse("timestamp,RR (ms),hr\n0.0,800,75\n0.8,812.5,74\n1.6,,74\n2.4,790,76\n");
        Assert.Equal([800.0, 812.5, 790.0], f.RrMs);
        Assert.False(f.FromHeartRate);
    }

    [Fact]
    public void Semicolon_csv_with_heart_rate_converts_60000_over_hr_and_is_flagged()
    {
        var f = RrIntervalFile.Parse("\"time\";\"Heart Rate [bpm]\"\n1;60\n2;75\n3;80\n");
        Assert.Equal([1000.0, 800.0, 750.0], f.RrMs);
        Assert.True(f.FromHeartRate);
    }

    [Theory]
    [InlineData("time,rr_ms\n0,800\n1,abc\n", 3, "'abc' is not a number")]
    [InlineData("time,bpm\n0,60\n1,400\n", 3, "heart rate 400 bpm outside 20–300 bpm")]
    [InlineData("time,rr\n0,800\n1\n", 3, "has 1 field(s); the rr column is field 2")]
    [InlineData("time,value\n0,800\n", 1, "names no RR column")]
    public void Csv_errors_name_the_line_and_the_problem(string text, int line, string message)
    {
        var e = Assert.Throws<RrImportException>(() => RrIntervalFile.Parse(text));
        Assert.StartsWith($"line {line}: ", e.Message);
        Assert.Contains(message, e.Message);
    }

    [Fact]
    public void Load_detects_csv_by_extension_and_reports_a_missing_file()
    {
        string dir = Path.Combine(Path.GetTempPath(), "attune-rr-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        try
        {
            string csv = Path.Combine(dir, "a.csv");
            File.WriteAllText(csv, "rr\n800\n810\n");
            Assert.Equal([800.0, 810.0], RrIntervalFile.Load(csv).RrMs);
            var e = Assert.Throws<RrImportException>(() => RrIntervalFile.Load(Path.Combine(dir, "missing.txt")));
            Assert.Contains("not found", e.Message);
            Assert.Null(e.Line);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
