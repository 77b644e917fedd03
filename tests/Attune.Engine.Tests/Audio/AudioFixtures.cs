namespace Attune.Engine.Tests.Audio;

/// <summary>Finds the committed fixture files by walking up from the test binaries to the source tree.</summary>
internal static class AudioFixtures
{
    private static readonly Lazy<string> Root = new(Locate);

    public static string PathOf(string name) => Path.Combine(Root.Value, name);

    private static string Locate()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, "tests", "Attune.Engine.Tests", "Audio", "Fixtures");
            if (Directory.Exists(candidate))
                return candidate;
            candidate = Path.Combine(dir.FullName, "Audio", "Fixtures");
            if (Directory.Exists(candidate) && File.Exists(Path.Combine(candidate, "README.md")))
                return candidate;
        }
        throw new DirectoryNotFoundException($"Audio/Fixtures not found above {AppContext.BaseDirectory}");
    }
}
