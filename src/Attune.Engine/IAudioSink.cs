namespace Attune.Engine;

/// <summary>Where rendered, safety-governed audio goes: a file writer, a socket, a test buffer.</summary>
public interface IAudioSink
{
    void Write(ReadOnlySpan<float> left, ReadOnlySpan<float> right);
}
