using Attune.Engine.Synthesis;

namespace Attune.Engine.Tests.Synthesis;

public class MusicEventTests
{
    [Fact]
    public void Factories_fill_the_fields()
    {
        var on = MusicEvent.NoteOn(100, 2, 64, 0.5f);
        Assert.Equal((100L, MusicEventKind.NoteOn, 2, 64, 0.5f), (on.Frame, on.Kind, on.Part, on.Pitch, on.Velocity));
        var c = MusicEvent.Control(5, 1, ControlKind.Pan, -0.5f);
        Assert.Equal((MusicEventKind.Control, ControlKind.Pan, -0.5f), (c.Kind, c.ControlKind, c.Value));
        Assert.Equal(MusicEventKind.NoteOff, MusicEvent.NoteOff(1, 0, 60).Kind);
        Assert.Equal(-1, MusicEvent.AllNotesOff(1).Part);
    }

    [Fact]
    public void Bad_arguments_name_the_parameter()
    {
        Assert.Equal("pitch", Assert.Throws<ArgumentOutOfRangeException>(() => MusicEvent.NoteOn(0, 0, 128, 0.5f)).ParamName);
        Assert.Equal("velocity", Assert.Throws<ArgumentOutOfRangeException>(() => MusicEvent.NoteOn(0, 0, 60, 1.5f)).ParamName);
        Assert.Equal("frame", Assert.Throws<ArgumentOutOfRangeException>(() => MusicEvent.NoteOn(-1, 0, 60, 0.5f)).ParamName);
        Assert.Equal("value", Assert.Throws<ArgumentOutOfRangeException>(() => MusicEvent.Control(0, 0, ControlKind.Pan, float.NaN)).ParamName);
    }
}
