namespace Attune.Engine.Sensing;

/// <summary>
/// The live heart-rate path of a session: strap packets (with the client's sequence number) →
/// decoder → RR intervals cleaned beat by beat → heart rate over the last 10 s, sliding RMSSD and a
/// respiration rate from RSA → one <see cref="PhysiologySample"/> per call of <see cref="Sample"/>.
/// </summary>
/// <remarks>
/// <para>Beat cleaning is the online counterpart of <see cref="RrArtefactCorrector"/> (which needs the
/// whole series): each beat is compared with the median of the last 11 accepted beats, the comparison
/// series of Lipponen &amp; Tarvainen 2019. A beat near twice the median is a missed beat and is split
/// in two; a beat more than 25 % shorter is an extra or ectopic beat and is merged with the following
/// one if together they make one normal beat, otherwise dropped; any other beat more than 25 % off
/// the median is dropped. The first 5 beats only fill the median. Every correction is counted.</para>
/// <para>Respiration is re-estimated every 30 s from the last 120 s of clean beats (breathing changes slowly).</para>
/// </remarks>
public sealed class PhysiologyTracker
{
    public const int MedianBeats = 11, WarmUpBeats = 5;
    public const double Tolerance = 0.25, HeartRateWindowSeconds = 10, StaleSeconds = 5;
    public const double RespirationWindowSeconds = 120, RespirationEverySeconds = 30;

    private readonly HeartRatePacketStream _packets = new();
    private readonly SlidingRmssd _rmssd;
    private readonly double[] _recent = new double[MedianBeats];
    private readonly double[] _sorted = new double[MedianBeats];
    private int _recentCount, _recentHead;
    private double _pendingShort = double.NaN;
    private readonly Queue<double> _respirationBeats = new();
    private double _respirationBeatsMs;
    private double _nextRespiration = RespirationEverySeconds;
    private readonly double[] _hrBeats = new double[64];
    private int _hrHead, _hrCount;
    private double _lastPacketTime = double.NegativeInfinity;
    private SensorContact _contact = SensorContact.NotSupported;
    private int _packetHeartRate;

    /// <param name="rmssdWindowSeconds">The sliding RMSSD window (60–120 s).</param>
    public PhysiologyTracker(double rmssdWindowSeconds = 60) => _rmssd = new SlidingRmssd(rmssdWindowSeconds);

    /// <summary>Packet bookkeeping: gaps, duplicates, reordering, malformed packets.</summary>
    public HeartRatePacketStream Packets => _packets;

    public long AcceptedBeats { get; private set; }
    public long SplitBeats { get; private set; }
    public long MergedBeats { get; private set; }
    public long DroppedBeats { get; private set; }

    /// <summary>The latest respiration rate (breaths/min), or null when the data do not show one.</summary>
    public double? RespirationRateBpm { get; private set; }

    /// <summary>Why <see cref="RespirationRateBpm"/> is null, when it is.</summary>
    public string? RespirationNote { get; private set; } = "no data yet";

    /// <summary>Takes one packet received at session time <paramref name="timeSeconds"/>.</summary>
    public HeartRatePacketResult Push(uint sequence, double timeSeconds, ReadOnlySpan<byte> packet)
    {
        HeartRatePacketResult result = _packets.Push(sequence, timeSeconds * 1000, packet);
        if (result.Measurement is not { } m) return result;
        _lastPacketTime = timeSeconds;
        _contact = m.SensorContact;
        _packetHeartRate = m.HeartRateBpm;
        if (m.SensorContact == SensorContact.NotDetected) return result; // beats without skin contact are not trusted
        foreach (double rr in m.RrIntervalsMs) Beat(rr);
        return result;
    }

    /// <summary>
    /// The physiology at <paramref name="timeSeconds"/>, or null when no packet arrived in the last
    /// <see cref="StaleSeconds"/> s or there is no heart rate yet.
    /// </summary>
    public PhysiologySample? Sample(double timeSeconds)
    {
        if (timeSeconds - _lastPacketTime > StaleSeconds) return null;
        if (timeSeconds >= _nextRespiration)
        {
            _nextRespiration = timeSeconds + RespirationEverySeconds;
            string? note = "needs ≥ 60 s of clean beats";
            RespirationRateBpm = _respirationBeatsMs >= RespirationEstimator.MinSeconds * 1000
                ? RespirationEstimator.Estimate(_respirationBeats.ToArray(), out note) : null;
            RespirationNote = RespirationRateBpm is null ? note : null;
        }
        double hr = RecentHeartRate() ?? _packetHeartRate;
        if (!(hr >= PhysiologySample.MinHeartRateBpm && hr <= PhysiologySample.MaxHeartRateBpm)) return null;
        double? respiration = RespirationRateBpm is double r && r >= PhysiologySample.MinRespirationRateBpm && r <= PhysiologySample.MaxRespirationRateBpm ? r : null;
        double? rmssd = _rmssd.Value is double v && v > 0 ? v : null; // perfectly even beats (a simulator, not a heart) carry no RMSSD
        return new PhysiologySample(timeSeconds, hr, rmssd, _contact, respiration);
    }

    private void Beat(double rr)
    {
        if (!(rr >= RrArtefactCorrector.MinRrMs && rr <= 2 * RrArtefactCorrector.MaxRrMs))
        {
            DroppedBeats++;
            return;
        }
        if (!double.IsNaN(_pendingShort))
        {
            double joined = _pendingShort + rr;
            _pendingShort = double.NaN;
            if (_recentCount >= WarmUpBeats && Math.Abs(joined - Median()) <= Tolerance * Median())
            {
                MergedBeats++;
                Accept(joined);
                return;
            }
            DroppedBeats++; // the short beat on its own
        }
        if (_recentCount < WarmUpBeats)
        {
            if (rr <= RrArtefactCorrector.MaxRrMs) Accept(rr);
            else DroppedBeats++;
            return;
        }
        double median = Median();
        double ratio = rr / median;
        if (Math.Abs(ratio - 1) <= Tolerance)
        {
            Accept(rr);
        }
        else if (Math.Abs(ratio - 2) <= Tolerance)
        {
            SplitBeats++;
            Accept(rr / 2);
            Accept(rr / 2);
        }
        else if (ratio < 1 - Tolerance)
        {
            _pendingShort = rr;
        }
        else
        {
            DroppedBeats++;
        }
    }

    private void Accept(double rr)
    {
        AcceptedBeats++;
        _recent[_recentHead] = rr;
        _recentHead = (_recentHead + 1) % MedianBeats;
        if (_recentCount < MedianBeats) _recentCount++;
        _rmssd.Add(rr);
        _hrBeats[(_hrHead + _hrCount) % _hrBeats.Length] = rr;
        if (_hrCount < _hrBeats.Length) _hrCount++;
        else _hrHead = (_hrHead + 1) % _hrBeats.Length;
        _respirationBeats.Enqueue(rr);
        _respirationBeatsMs += rr;
        while (_respirationBeatsMs - _respirationBeats.Peek() >= RespirationWindowSeconds * 1000)
            _respirationBeatsMs -= _respirationBeats.Dequeue();
    }

    private double Median()
    {
        Array.Copy(_recent, _sorted, _recentCount);
        Array.Sort(_sorted, 0, _recentCount);
        return _recentCount % 2 == 1
            ? _sorted[_recentCount / 2]
            : 0.5 * (_sorted[_recentCount / 2 - 1] + _sorted[_recentCount / 2]);
    }

    /// <summary>60000 / mean RR of the newest beats spanning the last 10 s, or null without beats.</summary>
    private double? RecentHeartRate()
    {
        double sum = 0;
        int n = 0;
        for (int i = _hrCount - 1; i >= 0 && sum < HeartRateWindowSeconds * 1000; i--, n++)
            sum += _hrBeats[(_hrHead + i) % _hrBeats.Length];
        return n == 0 ? null : 60000.0 * n / sum;
    }
}
