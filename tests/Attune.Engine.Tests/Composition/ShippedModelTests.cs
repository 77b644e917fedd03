using Attune.Engine.Composition.Model;

namespace Attune.Engine.Tests.Composition;

/// <summary>
/// The model shipped in models/ scores what the README and model card say on the corpus in
/// ../shared (beside the clone). Without that folder the check skips and says so; under CI
/// (CI=true) a missing corpus is a failure.
/// </summary>
public class ShippedModelTests
{
    [Fact]
    public void Shipped_model_meets_the_benchmark_goal_on_valid_as_reported()
    {
        string root = RepositoryRoot();
        string corpusPath = Path.GetFullPath(Path.Combine(root, "..", "shared", "data", "jsb-chorales", "jsb-chorales-quarter.train-valid.json"));
        if (!File.Exists(corpusPath))
        {
            string message = $"the JSB corpus is not at {corpusPath} (../shared is beside the clone in CI only)";
            if (Environment.GetEnvironmentVariable("CI") == "true") Assert.Fail(message);
            Assert.Skip(message);
        }
        var model = ChoraleNade.Load(Path.Combine(root, "models", "jsb-nade-v1.bin"));
        var corpus = ChoraleCorpus.Load(corpusPath);
        var valid = ChoraleEvaluator.Evaluate(model, corpus.GetSplit("valid"));
        Assert.Equal(76, valid.Chorales);
        Assert.Equal(4526, valid.Frames);
        Assert.InRange(valid.NllPerFrame, 5.355, 5.365); // README: 5.360; goal ≤ 8.10, stretch ≤ 7.0
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Attune.slnx"))) return dir.FullName;
        throw new InvalidOperationException("Attune.slnx not found above the test binaries");
    }
}
