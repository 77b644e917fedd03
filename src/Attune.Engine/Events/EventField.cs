namespace Attune.Engine.Events;

/// <summary>One named value in an event's payload: a number, a string or a boolean.</summary>
public readonly struct EventField
{
    private EventField(string name, double number, string? text, bool? flag)
    {
        Name = name;
        Number = number;
        Text = text;
        Flag = flag;
    }

    public string Name { get; }
    public double Number { get; }
    public string? Text { get; }
    public bool? Flag { get; }

    public static EventField Of(string name, double value) => new(name, value, null, null);
    public static EventField Of(string name, string value) => new(name, double.NaN, value, null);
    public static EventField Of(string name, bool value) => new(name, double.NaN, null, value);
}
