using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Attune.Engine.Composition.Model;

namespace Attune.Cli;

/// <summary>A bad argument or input file for an `attune model` command; the message is one line naming the option.</summary>
public sealed class ModelUsageException : Exception
{
    public ModelUsageException() { }

    public ModelUsageException(string message) : base(message) { }

    public ModelUsageException(string message, Exception innerException) : base(message, innerException) { }
}

/// <summary>`attune model train|eval|stats`: learn, score and profile the chorale model.</summary>
public static class ModelCommands
{
    /// <summary>File name of the shipped model in models/.</summary>
    public const string DefaultModelFile = "jsb-nade-v1.bin";

    private static readonly string[] Splits = ["train", "valid", "test"];

    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var model = new Command("model", "Train, evaluate and profile the chorale model (NADE over 88 keys)");
        model.Subcommands.Add(CreateTrain(stdout, stderr));
        model.Subcommands.Add(CreateEval(stdout));
        model.Subcommands.Add(CreateStats(stdout));
        return model;
    }

    private static Command CreateTrain(TextWriter stdout, TextWriter stderr)
    {
        var data = new Option<string?>("--data") { Description = "corpus JSON with \"train\" and \"valid\" splits" };
        var output = new Option<string?>("--out") { Description = "model file to write" };
        var seed = new Option<ulong>("--seed") { Description = "random seed (default 1)", DefaultValueFactory = _ => 1 };
        var epochs = new Option<int>("--epochs") { Description = "maximum epochs (default 100)", DefaultValueFactory = _ => 100 };
        var window = new Option<int>("--window") { Description = "history frames (default 8)", DefaultValueFactory = _ => 8 };
        var context = new Option<int>("--context") { Description = "context units (default 256)", DefaultValueFactory = _ => 256 };
        var hidden = new Option<int>("--hidden") { Description = "NADE hidden units (default 128)", DefaultValueFactory = _ => 128 };
        var maxShift = new Option<int>("--max-shift") { Description = "random transposition of training chorales by up to this many semitones, 0–6 (default 6)", DefaultValueFactory = _ => 6 };
        var command = new Command("train", "Train a model on the corpus, early-stopped on valid") { data, output, seed, epochs, window, context, hidden, maxShift };
        command.SetAction(parse =>
        {
            var corpus = LoadCorpus(parse.GetValue(data));
            string outPath = parse.GetValue(output) ?? throw new ModelUsageException("--out: a model file path is required");
            string? outDir = Path.GetDirectoryName(Path.GetFullPath(outPath));
            if (outDir is null || !Directory.Exists(outDir)) throw new ModelUsageException($"--out: directory of {outPath} does not exist");
            var options = new TrainingOptions
            {
                Seed = parse.GetValue(seed),
                Epochs = parse.GetValue(epochs),
                Window = parse.GetValue(window),
                ContextUnits = parse.GetValue(context),
                HiddenUnits = parse.GetValue(hidden),
                MaxShift = parse.GetValue(maxShift),
            };
            try
            {
                options.Validate();
            }
            catch (ArgumentOutOfRangeException e)
            {
                throw new ModelUsageException($"{OptionName(e.ParamName)}: {e.Message.Split(" (Parameter")[0]}");
            }
            var train = GetSplit(corpus, "train");
            var valid = GetSplit(corpus, "valid");
            if (train.Count == 0) throw new ModelUsageException("--data: split \"train\" has no chorales");
            var clock = Stopwatch.StartNew();
            var trained = ChoraleNadeTrainer.Train(train, valid, options,
                report =>
                {
                    stderr.Write('\r');
                    stderr.WriteLine(Invariant($"epoch {report.Epoch,3}: train {report.TrainNll:F3}  valid {report.ValidNll:F3}{(report.Improved ? " *" : "  ")}  {report.Elapsed.TotalSeconds:F0} s"));
                },
                (epoch, fraction) =>
                {
                    int filled = (int)(fraction * 30);
                    stderr.Write(Invariant($"\repoch {epoch,3} [{new string('#', filled)}{new string('.', 30 - filled)}] {fraction * 100,3:F0}%"));
                },
                best => best.Save(outPath)); // checkpoint: an interrupted run leaves its best model so far
            trained.Save(outPath);
            var trainReport = ChoraleEvaluator.Evaluate(trained, train);
            var validReport = ChoraleEvaluator.Evaluate(trained, valid);
            stdout.WriteLine(Invariant($"wrote {outPath} ({new FileInfo(outPath).Length} bytes) in {clock.Elapsed.TotalSeconds:F0} s: train NLL {trainReport.NllPerFrame:F3}, valid NLL {validReport.NllPerFrame:F3} nats/frame"));
            return 0;
        });
        return command;
    }

    private static Command CreateEval(TextWriter stdout)
    {
        var data = new Option<string?>("--data") { Description = "corpus JSON" };
        var split = new Option<string?>("--split") { Description = "train|valid|test" };
        var modelPath = new Option<string?>("--model") { Description = $"model file (default models/{DefaultModelFile})" };
        var json = new Option<bool>("--json") { Description = "print JSON" };
        var command = new Command("eval", "Frame-level NLL (nats) of a split") { data, split, modelPath, json };
        command.SetAction(parse =>
        {
            string splitName = parse.GetValue(split) ?? throw new ModelUsageException("--split: required, one of train|valid|test");
            if (Array.IndexOf(Splits, splitName) < 0) throw new ModelUsageException($"--split: \"{splitName}\" is not one of train|valid|test");
            var corpus = LoadCorpus(parse.GetValue(data));
            var chorales = GetSplit(corpus, splitName);
            var nade = LoadModel(parse.GetValue(modelPath));
            var report = ChoraleEvaluator.Evaluate(nade, chorales);
            if (parse.GetValue(json))
            {
                stdout.WriteLine(JsonSerializer.Serialize(new Dictionary<string, object>
                {
                    ["split"] = splitName,
                    ["chorales"] = report.Chorales,
                    ["frames"] = report.Frames,
                    ["nll_per_frame"] = Math.Round(report.NllPerFrame, 6),
                }));
            }
            else
            {
                stdout.WriteLine(Invariant($"{splitName}: {report.Chorales} chorales, {report.Frames} scored frames, NLL {report.NllPerFrame:F4} nats/frame"));
            }
            return 0;
        });
        return command;
    }

    private static Command CreateStats(TextWriter stdout)
    {
        var data = new Option<string?>("--data") { Description = "corpus JSON holding the reference split" };
        var split = new Option<string?>("--split") { Description = "reference split: train|valid|test (default valid)" };
        var modelPath = new Option<string?>("--model") { Description = $"model file (default models/{DefaultModelFile})" };
        var frames = new Option<int>("--frames") { Description = "frames to sample (default 2000)", DefaultValueFactory = _ => 2000 };
        var seed = new Option<ulong>("--seed") { Description = "sampling seed (default 1)", DefaultValueFactory = _ => 1 };
        var temperature = new Option<double>("--temperature") { Description = "sampling temperature 0.05–10 (default 1)", DefaultValueFactory = _ => 1.0 };
        var sequence = new Option<int>("--sequence-length") { Description = "restart the sampler every N frames, like a new chorale (default 60, the mean chorale length)", DefaultValueFactory = _ => 60 };
        var histograms = new Option<bool>("--histograms") { Description = "also print both sets of histograms" };
        var command = new Command("stats", "KL divergences of style histograms between sampled frames and a split, as JSON") { data, split, modelPath, frames, seed, temperature, sequence, histograms };
        command.SetAction(parse =>
        {
            string splitName = parse.GetValue(split) ?? "valid";
            if (Array.IndexOf(Splits, splitName) < 0) throw new ModelUsageException($"--split: \"{splitName}\" is not one of train|valid|test");
            int count = parse.GetValue(frames);
            if (count is < 1 or > 10_000_000) throw new ModelUsageException($"--frames: {count} is outside 1–10000000");
            double temp = parse.GetValue(temperature);
            if (!(temp >= 0.05 && temp <= 10)) throw new ModelUsageException($"--temperature: {temp} is outside 0.05–10");
            int length = parse.GetValue(sequence);
            if (length < 1) throw new ModelUsageException($"--sequence-length: {length} must be at least 1");
            var reference = new StyleStatistics();
            reference.AddChorales(GetSplit(LoadCorpus(parse.GetValue(data)), splitName));
            var nade = LoadModel(parse.GetValue(modelPath));
            var sampler = new ChoraleSampler(nade, new SamplingSettings { Temperature = temp }, parse.GetValue(seed));
            var sample = new StyleStatistics();
            Span<int> notes = stackalloc int[ChoraleCorpus.KeyCount];
            var clock = Stopwatch.StartNew();
            for (int i = 0; i < count; i++)
            {
                if (i % length == 0)
                {
                    sampler.Reset();
                    sample.BeginSequence();
                }
                sample.AddFrame(notes[..sampler.NextFrame(notes)]);
            }
            double seconds = clock.Elapsed.TotalSeconds;
            var kl = StyleStatistics.Divergences(reference, sample);
            var result = new Dictionary<string, object>
            {
                ["split"] = splitName,
                ["reference_frames"] = reference.Frames,
                ["sampled_frames"] = sample.Frames,
                ["temperature"] = temp,
                ["seed"] = parse.GetValue(seed),
                ["frames_per_second"] = Math.Round(count / seconds),
                ["sequence_length"] = length,
                ["kl_nats"] = kl.ToDictionary(kv => kv.Key, kv => Math.Round(kv.Value, 5)),
            };
            if (parse.GetValue(histograms))
            {
                result["reference_histograms"] = Histograms(reference);
                result["sample_histograms"] = Histograms(sample);
            }
            stdout.WriteLine(JsonSerializer.Serialize(result));
            return 0;
        });
        return command;
    }

    private static string OptionName(string? field) => field switch
    {
        nameof(TrainingOptions.ContextUnits) => "--context",
        nameof(TrainingOptions.HiddenUnits) => "--hidden",
        nameof(TrainingOptions.MaxShift) => "--max-shift",
        _ => "--" + field?.ToLowerInvariant(),
    };

    private static Dictionary<string, long[]> Histograms(StyleStatistics s) => new()
    {
        ["pitch_class"] = s.PitchClass,
        ["soprano_interval"] = s.SopranoInterval,
        ["register"] = s.Register,
        ["voice_count"] = s.VoiceCount,
    };

    internal static ChoraleCorpus LoadCorpus(string? path)
    {
        if (string.IsNullOrWhiteSpace(path)) throw new ModelUsageException("--data: a corpus JSON file is required");
        try
        {
            return ChoraleCorpus.Load(path);
        }
        catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException)
        {
            throw new ModelUsageException($"--data: {e.Message}", e);
        }
    }

    internal static IReadOnlyList<int[][]> GetSplit(ChoraleCorpus corpus, string split)
    {
        if (!corpus.HasSplit(split))
            throw new ModelUsageException($"--data: split \"{split}\" is missing (file has: {string.Join(", ", corpus.SplitNames)})");
        return corpus.GetSplit(split);
    }

    internal static ChoraleNade LoadModel(string? path)
    {
        path ??= FindDefaultModel();
        try
        {
            return ChoraleNade.Load(path);
        }
        catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException)
        {
            throw new ModelUsageException($"--model: {e.Message}", e);
        }
    }

    /// <summary>models/ next to the executable (copied at build) or in the repository root above the executable or the working directory.</summary>
    private static string FindDefaultModel()
    {
        foreach (string start in new[] { AppContext.BaseDirectory, Environment.CurrentDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                string candidate = Path.Combine(dir.FullName, "models", DefaultModelFile);
                if (File.Exists(candidate)) return candidate;
            }
        }
        throw new ModelUsageException($"--model: no file given and models/{DefaultModelFile} was not found next to the executable or in the repository");
    }

    private static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
