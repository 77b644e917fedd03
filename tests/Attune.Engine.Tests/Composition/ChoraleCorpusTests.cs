using System.Text;
using Attune.Engine.Composition.Model;

namespace Attune.Engine.Tests.Composition;

public class ChoraleCorpusTests
{
    private static ChoraleCorpus Parse(string json) => ChoraleCorpus.Parse(new MemoryStream(Encoding.UTF8.GetBytes(json)), "test.json");

    [Fact]
    public void Accepts_any_subset_of_splits_and_sorts_notes()
    {
        var corpus = Parse("""{"test": [[[67, 60, 64, 60], []], [[21, 108]]]}""");
        Assert.Equal(["test"], corpus.SplitNames);
        Assert.False(corpus.HasSplit("train"));
        var test = corpus.GetSplit("test");
        Assert.Equal(2, test.Count);
        Assert.Equal([60, 64, 67], test[0][0]);
        Assert.Empty(test[0][1]);
        Assert.Equal([21, 108], test[1][0]);
    }

    [Fact]
    public void Missing_split_names_what_is_present()
    {
        var corpus = Parse("""{"train": [], "valid": []}""");
        var e = Assert.Throws<KeyNotFoundException>(() => corpus.GetSplit("test"));
        Assert.Contains("\"test\"", e.Message);
        Assert.Contains("train, valid", e.Message);
    }

    [Theory]
    [InlineData("""{"valid": [[[60], [60, 12]]]}""", "valid[0][1]: note 12 is outside 21–108")]
    [InlineData("""{"train": [[[60]], [[109]]]}""", "train[1][0]: note 109 is outside 21–108")]
    [InlineData("""{"train": [[[60.5]]]}""", "train[0][0]: 60.5 is not an integer MIDI note")]
    [InlineData("""{"train": [[60]]}""", "train[0][0]: expected an array of MIDI notes")]
    [InlineData("""{"train": 3}""", "train: expected an array of chorales")]
    [InlineData("""[1, 2]""", "test.json: expected a JSON object")]
    [InlineData("""{}""", "test.json: no splits")]
    [InlineData("""{"train": [[[60]""", "test.json: malformed JSON")]
    public void Bad_input_is_rejected_with_its_place(string json, string expected)
    {
        var e = Assert.Throws<InvalidDataException>(() => Parse(json));
        Assert.StartsWith(expected, e.Message);
    }

    [Fact]
    public void Load_of_missing_file_names_it()
    {
        var e = Assert.Throws<FileNotFoundException>(() => ChoraleCorpus.Load("/nonexistent/corpus.json"));
        Assert.Contains("/nonexistent/corpus.json", e.Message);
    }

    [Fact]
    public void Constructor_checks_note_range()
    {
        var splits = new Dictionary<string, IReadOnlyList<int[][]>> { ["valid"] = [[[60], [20]]] };
        var e = Assert.Throws<InvalidDataException>(() => new ChoraleCorpus(splits));
        Assert.Equal("valid[0][1]: note 20 is outside 21–108", e.Message);
    }
}
