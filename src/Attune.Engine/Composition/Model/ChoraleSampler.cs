namespace Attune.Engine.Composition.Model;

/// <summary>
/// Generates chorale frames one at a time from a <see cref="ChoraleNade"/>, steered by
/// <see cref="SamplingSettings"/>. Constraints act inside the NADE's low-to-high key sampling
/// (Larochelle &amp; Murray 2011): a forbidden key, or any key once the voice maximum is reached,
/// gets probability 0, so the remaining keys' conditionals are renormalised by construction; a
/// frame below the voice minimum is redrawn, and on the last attempt the remaining allowed keys
/// are forced on. <see cref="SamplingSettings.Transposition"/> moves the model's output before the
/// constraints are checked; the history stays in the model's own key. Same model, settings and
/// seed → same frames. No allocation per frame. Not thread-safe: change <see cref="Settings"/> on
/// the thread that calls <see cref="NextFrame"/>.
/// </summary>
public sealed class ChoraleSampler
{
    private const int N = ChoraleCorpus.KeyCount;
    private const int Attempts = 8;
    private static readonly int[] MajorScale = [0, 2, 4, 5, 7, 9, 11];
    private static readonly int[] MinorScale = [0, 2, 3, 5, 7, 8, 10, 11]; // natural minor plus the leading tone Bach raises

    private readonly ChoraleNade _model;
    private readonly NadeWorkspace _ws;
    private readonly SeededRandom _random;
    private readonly bool[] _allowed = new bool[N];
    private readonly int[] _allowedAtOrAbove = new int[N + 1];
    private readonly float[] _modeBias = new float[N];
    private readonly int[] _history; // ring of past frames' keys, Window × 88
    private readonly int[] _historyCounts;
    private readonly int[] _keys = new int[N];
    private int _newest = -1;
    private int _generated;
    private float _inverseTemperature;
    private int _offset = ChoraleCorpus.LowestKey; // MIDI note of model key 0 after transposition
    private SamplingSettings _settings = new();

    public ChoraleSampler(ChoraleNade model, SamplingSettings settings, ulong seed)
    {
        ArgumentNullException.ThrowIfNull(model);
        _model = model;
        _ws = model.CreateWorkspace();
        _random = new SeededRandom(seed);
        _history = new int[model.Window * N];
        _historyCounts = new int[model.Window];
        Settings = settings;
    }

    /// <summary>Current steering; setting it validates and precomputes the masks (takes effect from the next frame).</summary>
    public SamplingSettings Settings
    {
        get => _settings;
        set
        {
            ArgumentNullException.ThrowIfNull(value);
            value.Validate();
            _settings = value;
            _inverseTemperature = (float)(1.0 / value.Temperature);
            _offset = ChoraleCorpus.LowestKey + value.Transposition;
            for (int k = 0; k < N; k++) _allowed[k] = value.IsAllowed(k + _offset);
            _allowedAtOrAbove[N] = 0;
            for (int k = N - 1; k >= 0; k--) _allowedAtOrAbove[k] = _allowedAtOrAbove[k + 1] + (_allowed[k] ? 1 : 0);
            Array.Clear(_modeBias);
            if (value.Mode != ScaleMode.None)
            {
                var scale = value.Mode == ScaleMode.Major ? MajorScale : MinorScale;
                int third = value.Mode == ScaleMode.Major ? 4 : 3;
                for (int k = 0; k < N; k++)
                {
                    int degree = ((k + _offset - value.Tonic) % 12 + 12) % 12;
                    float bias = Array.IndexOf(scale, degree) < 0 ? -1f : 0f;
                    if (degree == 0 || degree == third || degree == 7) bias = 0.5f;
                    _modeBias[k] = (float)(bias * value.ModeStrength);
                }
            }
        }
    }

    /// <summary>Frames generated since construction or the last <see cref="Reset"/>.</summary>
    public int FramesGenerated => _generated;

    /// <summary>Forgets the history: the next frame is sampled as a chorale's first.</summary>
    public void Reset()
    {
        _newest = -1;
        _generated = 0;
        Array.Clear(_historyCounts);
    }

    /// <summary>Samples the next frame into <paramref name="notes"/> (ascending MIDI notes) and returns how many there are.</summary>
    public int NextFrame(Span<int> notes)
    {
        int needed = Math.Min(_settings.MaxVoices, _allowedAtOrAbove[0]);
        if (notes.Length < needed)
            throw new ArgumentException($"notes: needs room for {needed} notes (MaxVoices), got {notes.Length}", nameof(notes));
        LoadHistory();
        _model.Condition(_ws);
        int count = 0;
        for (int attempt = 1; attempt <= Attempts; attempt++)
        {
            count = SampleKeys(force: attempt == Attempts);
            if (count >= _settings.MinVoices) break;
        }
        for (int i = 0; i < count; i++) notes[i] = _keys[i] + _offset;
        Remember(count);
        return count;
    }

    private int SampleKeys(bool force)
    {
        int h = _model.HiddenUnits, max = _settings.MaxVoices, min = _settings.MinVoices;
        var p = _model.Parameters.AsSpan();
        var a = _ws.Accumulator.AsSpan();
        var hk = _ws.Scratch.AsSpan();
        _ws.HiddenBias.CopyTo(a);
        int count = 0;
        for (int k = 0; k < N && count < max; k++)
        {
            if (!_allowed[k]) continue;
            bool on;
            if (force && min - count >= _allowedAtOrAbove[k])
            {
                on = true;
            }
            else
            {
                VectorMath.Sigmoid(a, hk);
                float x = _ws.KeyBias[k] + VectorMath.Dot(p.Slice(_model.OffV + k * h, h), hk);
                float prob = VectorMath.Logistic((x + _modeBias[k]) * _inverseTemperature);
                on = _random.NextDouble() < prob;
            }
            if (on)
            {
                _keys[count++] = k;
                VectorMath.Add(a, p.Slice(_model.OffW + k * h, h));
            }
        }
        return count;
    }

    private void LoadHistory()
    {
        int window = _model.Window, active = 0;
        for (int s = 0; s < window; s++)
        {
            int slot = s * ChoraleNade.SlotInputs;
            if (s >= _generated)
            {
                _ws.Active[active++] = slot + N;
                continue;
            }
            int ring = ((_newest - s) % window + window) % window;
            for (int i = 0; i < _historyCounts[ring]; i++) _ws.Active[active++] = slot + _history[ring * N + i];
        }
        _ws.ActiveCount = active;
    }

    private void Remember(int count)
    {
        _newest = (_newest + 1) % _model.Window;
        Array.Copy(_keys, 0, _history, _newest * N, count);
        _historyCounts[_newest] = count;
        _generated = _generated == int.MaxValue ? _generated : _generated + 1;
    }
}
