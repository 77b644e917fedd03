using System.CommandLine;
using System.Text.Json;
using Attune.Cli;

namespace Attune.Engine.Tests.Composition;

public sealed class ModelCommandsTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("attune-model-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private (int Code, string Out) Run(params string[] args)
    {
        var stdout = new StringWriter();
        var root = new RootCommand { ModelCommands.Create(stdout, new StringWriter()) };
        int code = root.Parse(args).Invoke(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
        return (code, stdout.ToString());
    }

    private string Write(string name, string text)
    {
        string path = Path.Combine(_dir, name);
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void Train_then_eval_prints_the_benchmark_json()
    {
        string data = Write("corpus.json", """
            {"train": [[[60, 64, 67], [62, 65, 69], [60, 64, 67], [62, 65, 69]]],
             "valid": [[[60, 64, 67], [62, 65, 69], [60, 64, 67]], [[55]]]}
            """);
        string model = Path.Combine(_dir, "m.bin");
        var train = Run("model", "train", "--data", data, "--out", model, "--epochs", "2", "--window", "2", "--context", "4", "--hidden", "4");
        Assert.Equal(0, train.Code);
        Assert.True(File.Exists(model));

        var (code, output) = Run("model", "eval", "--data", data, "--split", "valid", "--model", model, "--json");
        Assert.Equal(0, code);
        using var json = JsonDocument.Parse(output);
        Assert.Equal("valid", json.RootElement.GetProperty("split").GetString());
        Assert.Equal(2, json.RootElement.GetProperty("chorales").GetInt32());
        Assert.Equal(2, json.RootElement.GetProperty("frames").GetInt32());
        Assert.True(json.RootElement.GetProperty("nll_per_frame").GetDouble() > 0);

        var stats = Run("model", "stats", "--data", data, "--model", model, "--frames", "100");
        using var statsJson = JsonDocument.Parse(stats.Out);
        Assert.Equal(4, statsJson.RootElement.GetProperty("kl_nats").EnumerateObject().Count());
    }

    [Theory]
    [InlineData("""{"train": [[[60]]]}""", "valid", "--data: split \"valid\" is missing (file has: train)")]
    [InlineData("""{"valid": [[[60], [60, 12]]]}""", "valid", "--data: valid[0][1]: note 12 is outside 21–108")]
    [InlineData("""{"valid": [[[60]""", "valid", "--data: corpus.json: malformed JSON")]
    [InlineData("""{"valid": []}""", "dev", "--split: \"dev\" is not one of train|valid|test")]
    public void Bad_input_is_one_usage_error_naming_the_option(string corpus, string split, string expected)
    {
        string data = Write("corpus.json", corpus);
        var e = Assert.Throws<ModelUsageException>(() => Run("model", "eval", "--data", data, "--split", split, "--model", "unused.bin"));
        Assert.StartsWith(expected, e.Message);
        Assert.DoesNotContain('\n', e.Message);
    }

    [Theory]
    [InlineData("--hidden", "0", "--hidden: HiddenUnits must be in [1, 4096]")]
    [InlineData("--max-shift", "7", "--max-shift: MaxShift must be in [0, 6]")]
    [InlineData("--out", "/nonexistent-dir/m.bin", "--out: directory of /nonexistent-dir/m.bin does not exist")]
    public void Bad_training_options_are_usage_errors(string option, string value, string expected)
    {
        string data = Write("corpus.json", """{"train": [[[60], [62]]], "valid": [[[60], [62]]]}""");
        var args = new List<string> { "model", "train", "--data", data, "--out", Path.Combine(_dir, "m.bin") };
        int at = args.IndexOf(option);
        if (at >= 0) args[at + 1] = value;
        else args.AddRange([option, value]);
        var e = Assert.Throws<ModelUsageException>(() => Run([.. args]));
        Assert.StartsWith(expected, e.Message);
    }

    [Fact]
    public void Missing_model_file_is_a_usage_error()
    {
        string data = Write("corpus.json", """{"valid": [[[60], [62]]]}""");
        var e = Assert.Throws<ModelUsageException>(() => Run("model", "eval", "--data", data, "--split", "valid", "--model", Path.Combine(_dir, "none.bin")));
        Assert.StartsWith("--model: model file not found", e.Message);
    }
}
