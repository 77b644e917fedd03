using Attune.Engine.Sensing;
using BenchmarkDotNet.Attributes;

namespace Attune.Benchmarks;

/// <summary>One operation = decoding one typical 0x2A37 packet (uint8 HR, contact detected, 2 RR values); goal 0 bytes allocated on the span path.</summary>
[MemoryDiagnoser]
public class SensingBenchmarks
{
    // flags 0x16 (RR present, contact supported+detected), 75 bpm, RR raw 1024 and 1000.
    private readonly byte[] _packet = [0x16, 0x4B, 0x00, 0x04, 0xE8, 0x03];
    private readonly double[] _rr = new double[HeartRatePacketDecoder.MaxRrIntervals];

    [Benchmark(Baseline = true)]
    public int DecodeIntoSpan()
    {
        HeartRatePacketDecoder.TryDecode(_packet, _rr, out int bpm, out _, out _, out int count, out _);
        return bpm + count;
    }

    [Benchmark]
    public int DecodeToRecord()
    {
        HeartRatePacketDecoder.TryDecode(_packet, out var m, out _);
        return m!.RrIntervalsMs.Count;
    }
}
