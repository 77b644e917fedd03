namespace Attune.Engine.Sensing;

/// <summary>One decoded BLE Heart Rate Measurement (characteristic 0x2A37); RR intervals in milliseconds.</summary>
public sealed record HeartRateMeasurement(int HeartRateBpm, SensorContact SensorContact, int? EnergyExpendedKj, IReadOnlyList<double> RrIntervalsMs)
{
    /// <summary>Value equality including the RR list (a record compares lists by reference otherwise).</summary>
    public bool Equals(HeartRateMeasurement? other)
    {
        if (other is null) return false;
        if (HeartRateBpm != other.HeartRateBpm || SensorContact != other.SensorContact || EnergyExpendedKj != other.EnergyExpendedKj) return false;
        if (RrIntervalsMs.Count != other.RrIntervalsMs.Count) return false;
        for (int i = 0; i < RrIntervalsMs.Count; i++)
            if (RrIntervalsMs[i] != other.RrIntervalsMs[i]) return false;
        return true;
    }

    public override int GetHashCode() => HashCode.Combine(HeartRateBpm, SensorContact, EnergyExpendedKj, RrIntervalsMs.Count);
}
