using System.Text.Json.Nodes;
using Attune.Cli;

namespace Attune.Engine.Tests.Cli;

/// <summary>Runs the `attune` command in-process with captured output, in a fresh temporary folder.</summary>
internal sealed class CliRunner : IDisposable
{
    public CliRunner()
    {
        Folder = Path.Combine(Path.GetTempPath(), "attune-cli-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Folder);
    }

    public string Folder { get; }

    public string PathOf(string name) => Path.Combine(Folder, name);

    public (int Code, string Out, string Err) Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int code = CliApp.Run(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    public JsonObject RunJson(params string[] args)
    {
        var (code, output, err) = Run(args);
        Assert.True(code == 0, $"exit {code}: {err}");
        return JsonNode.Parse(output)!.AsObject();
    }

    public string[] Files() => Directory.GetFiles(Folder);

    public void Dispose()
    {
        try { Directory.Delete(Folder, recursive: true); } catch (IOException) { }
    }
}
