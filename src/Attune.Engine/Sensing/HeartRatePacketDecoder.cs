using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;

namespace Attune.Engine.Sensing;

/// <summary>
/// Decodes the BLE Heart Rate Measurement characteristic (service 0x180D, characteristic 0x2A37) as
/// Web Bluetooth delivers it (Bluetooth SIG Heart Rate Service 1.0, §3.1). Never throws for any input.
/// </summary>
public static class HeartRatePacketDecoder
{
    private const byte FlagUInt16 = 0x01, FlagContactDetected = 0x02, FlagContactSupported = 0x04, FlagEnergy = 0x08, FlagRr = 0x10;

    /// <summary>Upper bound on RR values in one packet: a 512-byte attribute value minus the flags byte, in uint16 pairs.</summary>
    public const int MaxRrIntervals = 255;

    /// <summary>Decodes a packet into a new measurement; on malformed input returns false and a one-line reason.</summary>
    public static bool TryDecode(ReadOnlySpan<byte> packet, [NotNullWhen(true)] out HeartRateMeasurement? measurement, [NotNullWhen(false)] out string? error)
    {
        measurement = null;
        Span<double> rr = stackalloc double[MaxRrIntervals];
        if (!TryDecode(packet, rr, out int bpm, out var contact, out int? energy, out int rrCount, out error)) return false;
        measurement = new HeartRateMeasurement(bpm, contact, energy, rr[..rrCount].ToArray());
        return true;
    }

    /// <summary>
    /// Allocation-free decode for the hot path: RR intervals (ms) are written into <paramref name="rrMs"/> and counted
    /// in <paramref name="rrCount"/>. Only a malformed packet allocates (its error message).
    /// </summary>
    public static bool TryDecode(ReadOnlySpan<byte> packet, Span<double> rrMs, out int heartRateBpm, out SensorContact contact,
        out int? energyExpendedKj, out int rrCount, [NotNullWhen(false)] out string? error)
    {
        heartRateBpm = 0;
        contact = SensorContact.NotSupported;
        energyExpendedKj = null;
        rrCount = 0;
        error = null;
        if (packet.IsEmpty)
        {
            error = "packet is empty";
            return false;
        }
        byte flags = packet[0];
        int pos = 1;
        int remaining = packet.Length - pos;
        if ((flags & FlagUInt16) != 0)
        {
            if (remaining < 2)
            {
                error = $"heart rate: flags announce uint16 but only {remaining} byte{(remaining == 1 ? "" : "s")} follow{(remaining == 1 ? "s" : "")}";
                return false;
            }
            heartRateBpm = BinaryPrimitives.ReadUInt16LittleEndian(packet.Slice(pos, 2));
            pos += 2;
        }
        else
        {
            if (remaining < 1)
            {
                error = "heart rate: flags announce uint8 but no byte follows";
                return false;
            }
            heartRateBpm = packet[pos];
            pos += 1;
        }
        contact = (flags & FlagContactSupported) == 0 ? SensorContact.NotSupported
            : (flags & FlagContactDetected) != 0 ? SensorContact.Detected : SensorContact.NotDetected;
        if ((flags & FlagEnergy) != 0)
        {
            remaining = packet.Length - pos;
            if (remaining < 2)
            {
                error = $"energy expended: flags announce uint16 but only {remaining} byte{(remaining == 1 ? "" : "s")} follow{(remaining == 1 ? "s" : "")}";
                return false;
            }
            energyExpendedKj = BinaryPrimitives.ReadUInt16LittleEndian(packet.Slice(pos, 2));
            pos += 2;
        }
        if ((flags & FlagRr) == 0) return true; // trailing bytes without the RR flag are not RR values
        remaining = packet.Length - pos;
        if ((remaining & 1) != 0)
        {
            error = $"RR intervals: {remaining} bytes is not a whole number of uint16 values";
            return false;
        }
        int count = remaining / 2;
        if (count > rrMs.Length)
        {
            error = $"RR intervals: {count} values do not fit the buffer of {rrMs.Length}";
            return false;
        }
        for (int i = 0; i < count; i++)
            rrMs[i] = BinaryPrimitives.ReadUInt16LittleEndian(packet.Slice(pos + 2 * i, 2)) * 1000.0 / 1024.0; // unit 1/1024 s
        rrCount = count;
        return true;
    }
}
