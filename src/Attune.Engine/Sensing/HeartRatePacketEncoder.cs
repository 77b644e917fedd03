namespace Attune.Engine.Sensing;

/// <summary>
/// Builds Heart Rate Measurement packets (characteristic 0x2A37) as a strap sends them: what virtual
/// patients emit, so simulated sessions go through the same decoder as real ones. Heart rate uses the
/// uint8 format up to 255 bpm and uint16 above; RR intervals are rounded to 1/1024 s.
/// </summary>
public static class HeartRatePacketEncoder
{
    /// <summary>Most RR intervals one packet carries (a 23-byte ATT payload: 1 flag + 1 HR + 2·9 RR + room to spare).</summary>
    public const int MaxRrPerPacket = 9;

    /// <summary>Writes one packet into <paramref name="destination"/> and returns its length.</summary>
    public static int Encode(int heartRateBpm, SensorContact contact, int? energyExpendedKj, ReadOnlySpan<double> rrMs, Span<byte> destination)
    {
        if (heartRateBpm is < 0 or > ushort.MaxValue)
            throw new ArgumentOutOfRangeException(nameof(heartRateBpm), heartRateBpm, "heartRateBpm must be in 0–65535");
        if (energyExpendedKj is int e && e is < 0 or > ushort.MaxValue)
            throw new ArgumentOutOfRangeException(nameof(energyExpendedKj), e, "energyExpendedKj must be in 0–65535");
        if (rrMs.Length > MaxRrPerPacket)
            throw new ArgumentOutOfRangeException(nameof(rrMs), rrMs.Length, $"at most {MaxRrPerPacket} RR intervals fit in one packet");
        bool wide = heartRateBpm > byte.MaxValue;
        int length = 1 + (wide ? 2 : 1) + (energyExpendedKj is null ? 0 : 2) + 2 * rrMs.Length;
        if (destination.Length < length)
            throw new ArgumentException($"destination needs {length} bytes, has {destination.Length}", nameof(destination));
        int flags = (wide ? 0x01 : 0) | (rrMs.Length > 0 ? 0x10 : 0) | (energyExpendedKj is null ? 0 : 0x08)
            | contact switch { SensorContact.Detected => 0x06, SensorContact.NotDetected => 0x04, _ => 0 };
        int at = 0;
        destination[at++] = (byte)flags;
        destination[at++] = (byte)heartRateBpm;
        if (wide) destination[at++] = (byte)(heartRateBpm >> 8);
        if (energyExpendedKj is int kj)
        {
            destination[at++] = (byte)kj;
            destination[at++] = (byte)(kj >> 8);
        }
        foreach (double rr in rrMs)
        {
            if (!(rr > 0 && rr < 64_000))
                throw new ArgumentOutOfRangeException(nameof(rrMs), rr, "each RR interval must be in (0, 64000) ms");
            int raw = (int)Math.Round(rr * 1024 / 1000);
            destination[at++] = (byte)raw;
            destination[at++] = (byte)(raw >> 8);
        }
        return at;
    }

    /// <summary>One packet as a new array.</summary>
    public static byte[] Encode(int heartRateBpm, SensorContact contact, int? energyExpendedKj, ReadOnlySpan<double> rrMs)
    {
        var buffer = new byte[3 + 2 + 2 * Math.Min(rrMs.Length, MaxRrPerPacket) + 1];
        int n = Encode(heartRateBpm, contact, energyExpendedKj, rrMs, buffer);
        return buffer[..n];
    }
}
