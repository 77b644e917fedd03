using System.Globalization;

namespace Attune.Engine.Sensing;

/// <summary>
/// RR intervals read from a file: a text file with one RR value (ms) per line, as chest-strap apps export
/// (blank lines and '#' comments allowed, one non-numeric header line tolerated as the first line), or a CSV
/// with a header naming an RR column (rr, rr_ms, rri, ibi, …) or a heart-rate column (hr, heart_rate, bpm, …),
/// comma or semicolon separated; time/timestamp columns are allowed and ignored (RR carries the timing).
/// Numbers use the invariant culture ('.' decimal point).
/// </summary>
public sealed class RrIntervalFile
{
    /// <summary>Plausible import range; narrower physiological limits are the artefact corrector's job.</summary>
    public const double MinImportMs = 200, MaxImportMs = 3000;

    /// <summary>Heart rates matching the RR import range (60000/3000 … 60000/200).</summary>
    public const double MinImportBpm = 20, MaxImportBpm = 300;

    private static readonly string[] RrNames = ["rr", "rr_ms", "rri", "rr_interval", "rr_interval_ms", "rr_intervals", "ibi", "ibi_ms", "nn", "nn_ms"];
    private static readonly string[] HrNames = ["hr", "hr_bpm", "heart_rate", "heart_rate_bpm", "heartrate", "bpm", "pulse"];

    private RrIntervalFile(double[] rrMs, bool fromHeartRate)
    {
        RrMs = rrMs;
        FromHeartRate = fromHeartRate;
    }

    public IReadOnlyList<double> RrMs { get; }

    /// <summary>
    /// True when the file held heart-rate samples, converted as RR = 60000/HR per sample: these are averaged
    /// rates, not beat-to-beat intervals, so they carry no beat-level HRV (use HrvAnalyzer.AnalyzeHeartRateSamples).
    /// </summary>
    public bool FromHeartRate { get; }

    /// <summary>Reads a file; CSV when the extension is .csv or the first data line holds ',' or ';'.</summary>
    public static RrIntervalFile Load(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (!File.Exists(path)) throw new RrImportException($"file '{path}' not found");
        bool csv = string.Equals(Path.GetExtension(path), ".csv", StringComparison.OrdinalIgnoreCase);
        return Parse(File.ReadAllText(path), csv);
    }

    /// <summary>Parses file content; <paramref name="csv"/> forces CSV, otherwise the content decides.</summary>
    public static RrIntervalFile Parse(string text, bool csv = false)
    {
        ArgumentNullException.ThrowIfNull(text);
        string[] lines = text.Split('\n');
        for (int i = 0; i < lines.Length; i++) lines[i] = StripComment(lines[i]);
        int first = Array.FindIndex(lines, l => l.Length > 0);
        if (first < 0) throw new RrImportException("the file holds no RR values");
        bool looksCsv = csv || lines[first].Contains(',', StringComparison.Ordinal) || lines[first].Contains(';', StringComparison.Ordinal);
        var result = looksCsv ? ParseCsv(lines, first) : ParseText(lines, first);
        if (result.RrMs.Count < 2) throw new RrImportException($"the file holds {result.RrMs.Count} RR value(s); at least 2 are needed");
        return result;
    }

    private static RrIntervalFile ParseText(string[] lines, int first)
    {
        var rr = new List<double>(lines.Length);
        for (int i = first; i < lines.Length; i++)
        {
            string s = lines[i];
            if (s.Length == 0) continue;
            if (i == first && !double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out _)) continue; // header
            rr.Add(RrValue(s, i + 1));
        }
        return new RrIntervalFile([.. rr], fromHeartRate: false);
    }

    private static RrIntervalFile ParseCsv(string[] lines, int headerIndex)
    {
        char sep = lines[headerIndex].Contains(';', StringComparison.Ordinal) ? ';' : ',';
        string[] header = lines[headerIndex].Split(sep);
        int rrCol = -1, hrCol = -1;
        for (int c = 0; c < header.Length; c++)
        {
            string name = NormaliseName(header[c]);
            if (rrCol < 0 && Array.IndexOf(RrNames, name) >= 0) rrCol = c;
            if (hrCol < 0 && Array.IndexOf(HrNames, name) >= 0) hrCol = c;
        }
        if (rrCol < 0 && hrCol < 0)
            throw new RrImportException(headerIndex + 1, $"CSV header names no RR column ({string.Join(", ", RrNames)}) or heart-rate column ({string.Join(", ", HrNames)})");
        bool fromHr = rrCol < 0;
        int col = fromHr ? hrCol : rrCol;
        var rr = new List<double>(lines.Length);
        for (int i = headerIndex + 1; i < lines.Length; i++)
        {
            if (lines[i].Length == 0) continue;
            string[] cells = lines[i].Split(sep);
            if (cells.Length <= col)
                throw new RrImportException(i + 1, $"has {cells.Length} field(s); the {header[col].Trim()} column is field {col + 1}");
            string cell = Unquote(cells[col]);
            if (cell.Length == 0) continue; // a row without a beat (e.g. an HR-only sample in an RR export)
            rr.Add(fromHr ? 60000.0 / HrValue(cell, i + 1) : RrValue(cell, i + 1));
        }
        return new RrIntervalFile([.. rr], fromHr);
    }

    private static double RrValue(string s, int line)
    {
        double v = Number(s, line);
        if (v < MinImportMs || v > MaxImportMs)
        {
            string hint = v > 0 && v < 5 ? " (values in seconds? RR must be in ms)" : "";
            throw new RrImportException(line, $"RR {v.ToString(CultureInfo.InvariantCulture)} ms outside {MinImportMs}–{MaxImportMs} ms plausible import range{hint}");
        }
        return v;
    }

    private static double HrValue(string s, int line)
    {
        double v = Number(s, line);
        if (v < MinImportBpm || v > MaxImportBpm)
            throw new RrImportException(line, $"heart rate {v.ToString(CultureInfo.InvariantCulture)} bpm outside {MinImportBpm}–{MaxImportBpm} bpm plausible import range");
        return v;
    }

    private static double Number(string s, int line)
    {
        if (!double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out double v) || !double.IsFinite(v))
            throw new RrImportException(line, $"'{s}' is not a number");
        return v;
    }

    private static string StripComment(string line)
    {
        int hash = line.IndexOf('#', StringComparison.Ordinal);
        return (hash >= 0 ? line[..hash] : line).Trim();
    }

    private static string Unquote(string cell) => cell.Trim().Trim('"', '\'').Trim();

    /// <summary>"RR (ms)" → "rr", "Heart Rate [bpm]" → "heart_rate", "RR-ms" → "rr_ms".</summary>
    private static string NormaliseName(string cell)
    {
        string s = Unquote(cell).ToLowerInvariant();
        int unit = s.IndexOfAny(['(', '[']);
        if (unit >= 0) s = s[..unit];
        return s.Trim().Replace(' ', '_').Replace('-', '_');
    }
}
