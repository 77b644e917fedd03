using System.Runtime.Intrinsics;

namespace Attune.Server.Features.Live;

/// <summary>Float stereo → interleaved 16-bit PCM (clamped to ±1, ×32767, rounded to nearest even), eight frames at a time where the CPU allows.</summary>
internal static class Pcm16
{
    public static short Sample(float x) => (short)Math.Round(Math.Clamp(x, -1f, 1f) * 32767f);

    public static void Interleave(ReadOnlySpan<float> left, ReadOnlySpan<float> right, Span<short> stereo)
    {
        int n = left.Length;
        if (right.Length != n) throw new ArgumentException("left and right must be the same length", nameof(right));
        if (stereo.Length < 2 * n) throw new ArgumentException($"stereo must hold {2 * n} samples", nameof(stereo));
        int i = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            var lo = Vector256.Create(-1f);
            var hi = Vector256.Create(1f);
            var scale = Vector256.Create(32767f);
            var low16 = Vector256.Create(0xFFFF);
            for (; i + 8 <= n; i += 8)
            {
                var l = Vector256.ConvertToInt32(Vector256.Round(Vector256.Min(Vector256.Max(Vector256.Create(left[i..]), lo), hi) * scale));
                var r = Vector256.ConvertToInt32(Vector256.Round(Vector256.Min(Vector256.Max(Vector256.Create(right[i..]), lo), hi) * scale));
                // Each 32-bit lane = one frame: left in the low half, right in the high half (little-endian order L, R).
                ((r << 16) | (l & low16)).AsInt16().CopyTo(stereo[(2 * i)..]);
            }
        }
        for (; i < n; i++)
        {
            stereo[2 * i] = Sample(left[i]);
            stereo[2 * i + 1] = Sample(right[i]);
        }
    }
}
